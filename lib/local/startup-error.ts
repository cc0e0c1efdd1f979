/** A problem the developer can fix (missing Java, port in use...): reported as its message alone. */
export class StartupError extends Error {}
