import { spawnSync } from 'node:child_process';
import { StartupError } from './startup-error.ts';

const installHint = 'DynamoDB Local needs Java 17 or newer: install it (e.g. `apt-get install openjdk-17-jre-headless`, `brew install openjdk@17`) and make sure `java` is on the PATH.';

/** Java's major version from `java -version` output: `17.0.15` -> 17, the old `1.8.0_392` -> 8. */
export const javaMajorVersion = (versionOutput: string): number | undefined => {
  const version = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!version) return undefined;
  const first = Number(version[1]);
  return first === 1 && version[2] ? Number(version[2]) : first;
};

/**
 * Fails early with an actionable message: without Java, DynamoDB Local's launcher would only
 * surface a bare `spawn java ENOENT`.
 */
export const assertJava17 = (): void => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) throw new StartupError(`Java was not found. ${installHint}`);
  const major = javaMajorVersion(`${probe.stderr}${probe.stdout}`);
  if (major === undefined || major < 17) throw new StartupError(`Java ${major ?? '(unknown version)'} is too old. ${installHint}`);
};
