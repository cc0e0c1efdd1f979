import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyPrefixes } from '../../lambdas/shared/keys.ts';
import { defaultPlans } from '../../lambdas/shared/plans.ts';
import { readActions, routes, type Route } from '../../lib/routes.ts';
import { functionOf, onlyLogicalId, type Resource, synthesize } from './synth.ts';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

const roleStatementsOf = (template: Template, route: Route): Statement[] => {
  const roleLogicalId = functionOf(template, route).Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } })).flatMap(
    (policy) => (policy as Resource).Properties.PolicyDocument.Statement as Statement[],
  );
};

const actionsOf = (statement: Statement) => [statement.Action].flat().sort();
const dynamodbActions = (actions: readonly string[]) => actions.map((action) => `dynamodb:${action}`).sort();

describe('IncrStack (default configuration)', () => {
  let template: Template;
  let tableArn: unknown;
  let secretArn: unknown;

  beforeAll(() => {
    template = synthesize();
    tableArn = { 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::DynamoDB::GlobalTable'), 'Arn'] };
    secretArn = { Ref: onlyLogicalId(template, 'AWS::SecretsManager::Secret') };
  });

  it('lets each function write only its own log group, without AWS-managed policies', () => {
    for (const route of routes) {
      const fn = functionOf(template, route);
      const role = template.findResources('AWS::IAM::Role')[fn.Properties.Role['Fn::GetAtt'][0]] as Resource;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logStatements = roleStatementsOf(template, route).filter((statement) => actionsOf(statement).some((action) => action.startsWith('logs:')));
      expect(logStatements).toEqual([
        expect.objectContaining({
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] },
        }),
      ]);
    }
  });

  describe.each(routes.map((route) => [route.id, route] as const))('route %s', (_, route) => {
    it('may use its tableActions only on its own partition-key prefixes (dynamodb:LeadingKeys), on the table only', () => {
      const statements = roleStatementsOf(template, route);
      const dynamodbStatements = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
      for (const statement of dynamodbStatements) expect(statement.Resource).toEqual(tableArn);
      if (route.access === 'none') expect(dynamodbStatements).toEqual([]);

      // Every statement carries the condition, and grants each action exactly the prefixes the route declares for it.
      const granted = new Map<string, string[]>();
      for (const statement of dynamodbStatements) {
        expect(Object.keys(statement.Condition ?? {})).toEqual(['ForAllValues:StringLike']);
        const leadingKeys = (statement.Condition as Record<string, Record<string, string[]>>)['ForAllValues:StringLike']!;
        expect(Object.keys(leadingKeys)).toEqual(['dynamodb:LeadingKeys']);
        for (const action of actionsOf(statement)) {
          expect(granted.has(action)).toBe(false);
          granted.set(action, leadingKeys['dynamodb:LeadingKeys']!.map((pattern) => pattern.replace(/\*$/, '')).sort());
        }
      }
      const expected = new Map<string, Set<string>>();
      const allow = (actions: readonly string[], prefixes: readonly string[] = []) => {
        for (const action of dynamodbActions(actions)) expected.set(action, new Set([...(expected.get(action) ?? []), ...prefixes]));
      };
      allow(route.tableActions.filter((action) => readActions.includes(action as never)), route.keyPrefixes?.read);
      allow(route.tableActions.filter((action) => !readActions.includes(action as never)), route.keyPrefixes?.write);
      if (route.scopedWrites) allow(route.scopedWrites.actions, [route.scopedWrites.partitionKeyPrefix]);
      if (route.apiKey) allow(['GetItem'], [keyPrefixes.apiKeyLookup]);
      expect(Object.fromEntries(granted)).toEqual(Object.fromEntries([...expected].map(([action, prefixes]) => [action, [...prefixes].sort()])));

      if (route.access === 'read') {
        // A read route writes only what its scoped writes allow.
        const writes = [...granted].filter(([action]) => !dynamodbActions(readActions).includes(action));
        for (const [, prefixes] of writes) expect(prefixes).toEqual([route.scopedWrites!.partitionKeyPrefix]);
      }
      if (!route.apiKey) {
        // Public routes (CountAPI, hits, health) can reach neither owners nor API keys.
        const reachable = [...granted.values()].flat();
        expect(reachable.filter((prefix) => prefix === keyPrefixes.apiKeyLookup || prefix === keyPrefixes.owner)).toEqual([]);
      }
    });

    it(`${route.readsPlans ? 'gets' : 'does not get'} the account plans`, () => {
      const environment = functionOf(template, route).Properties.Environment.Variables;
      expect(environment.INCR_PLANS).toEqual(route.readsPlans ? JSON.stringify(defaultPlans) : undefined);
    });

    it(`${route.readsIpHashSecret ? 'can' : 'cannot'} read the IP hash secret`, () => {
      const secretStatements = roleStatementsOf(template, route).filter((statement) => JSON.stringify(statement).includes('secretsmanager:'));
      const environment = functionOf(template, route).Properties.Environment.Variables;
      if (route.readsIpHashSecret) {
        expect(secretStatements).toEqual([expect.objectContaining({ Resource: secretArn })]);
        expect(environment.IP_HASH_SECRET_ARN).toEqual(secretArn);
      } else {
        expect(secretStatements).toEqual([]);
        expect(environment.IP_HASH_SECRET_ARN).toBeUndefined();
      }
    });
  });
});
