import { App } from 'aws-cdk-lib';
import { loadConfig } from '../lib/config.ts';
import { IncrStack } from '../lib/incr-stack.ts';

const app = new App();
const config = loadConfig(app.node);
new IncrStack(app, `Incr-${config.stage}`, { config });
