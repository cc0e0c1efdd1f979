import { createApp } from '../lib/app.ts';
import { ConfigError } from '../lib/config.ts';

try {
  createApp();
} catch (error) {
  // A wrong setting is the operator's to fix: say which, without a stack trace in the way.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
