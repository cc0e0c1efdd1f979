import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from './config.ts';
import { IncrStack } from './incr-stack.ts';

/**
 * The CDK app as `cdk synth` and `cdk deploy` build it (bin/incr.ts), and as the tests do: the
 * stack of the configured stage, checked by cdk-nag's AwsSolutions rules on every synth. A finding
 * nobody acknowledged fails the synth; acknowledgements sit next to the construct they concern.
 */
export const createApp = (props?: AppProps) => {
  const app = new App(props);
  const config = loadConfig(app.node);
  const stack = new IncrStack(app, `Incr-${config.stage}`, { config });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, stack };
};
