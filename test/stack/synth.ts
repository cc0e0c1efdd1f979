import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { createApp } from '../../lib/app.ts';
import { cdkJsonContext } from '../../lib/config.ts';
import type { Route } from '../../lib/routes.ts';

export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

export const synthesize = (context: Record<string, unknown> = {}) => {
  // Skipping bundling keeps these tests fast; test/bundling.test.ts bundles every function once.
  const { stack } = createApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context } });
  return Template.fromStack(stack);
};

export const onlyLogicalId = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

export const functionOf = (template: Template, route: Route, stage = 'prod'): Resource => {
  const functions = Object.values(
    template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: `incr-${stage}-${route.id}` } }),
  );
  expect(functions).toHaveLength(1);
  return functions[0] as Resource;
};
