import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../lib/local/dynamodb-local.ts';
import { installTestClock } from './clock.ts';

// Runs before each test file's imports, so handler modules read this configuration at load time.
process.env.DYNAMODB_ENDPOINT = inject('dynamodbEndpoint');
process.env.AWS_REGION = 'us-east-1';
process.env.TABLE_NAME = `incr-test-${randomUUID()}`;
process.env.IP_HASH_SECRET = 'test-ip-hash-secret';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
// EMF lines would flood the test output; test/observability.test.ts turns them back on.
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const { testPlans } = await import('./quota/plans.ts');
process.env.INCR_PLANS = JSON.stringify(testPlans);
// What the local server gives the process that serves every route (lib/function-environment.ts),
// the table and the IP-hash key aside; imported only now, as the route table loads function modules.
const { routeMethodsVariable } = await import('../lib/function-environment.ts');
Object.assign(process.env, routeMethodsVariable());

installTestClock();

await ensureTable(process.env.DYNAMODB_ENDPOINT, process.env.TABLE_NAME);
