import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../shared/config.ts';
import { ExpiringCache } from '../shared/expiring-cache.ts';
import { logger } from '../shared/logger.ts';
import type { Plan } from '../shared/plans.ts';
import { getMetric, getOverride, isConfigurableMetric, loadOwnerPlan, type Metric, type Override, type SubjectConfig } from './config-store.ts';

/**
 * What a decision needs besides the request: the owner's plan, the metric and the subject's
 * override. Each is cached in the container for `configCacheMs`, so a decision in steady state
 * reads nothing; a change of limits, overrides or plan therefore takes effect within that time.
 * A decision reads its subject's override by key, never all of a metric's overrides, so what it
 * loads does not grow with their number.
 */
export const configCacheMs = 5_000;

/** The deployment's plan table: `incr:plans` of cdk.json, handed over by the stack or the local server. */
const { plans } = config;
const [fallbackPlanName] = Object.keys(plans) as [string];

const metrics = new ExpiringCache<Metric | undefined>(configCacheMs, 10_000);
const overrides = new ExpiringCache<Override | undefined>(configCacheMs, 10_000);
const ownerPlans = new ExpiringCache<string | undefined>(configCacheMs, 10_000);

export interface QuotaContext {
  planName: string;
  plan: Plan;
  config: SubjectConfig;
}

const subjectConfig = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  ownerId: string,
  metric: string,
  subject: string,
  nowMs: number,
): Promise<SubjectConfig> => {
  if (!isConfigurableMetric(metric)) return {};
  const metricId = `${ownerId}\u0000${metric}`;
  const [found, override] = await Promise.all([
    metrics.get(metricId, nowMs, () => getMetric(client, tableName, ownerId, metric)),
    overrides.get(`${metricId}\u0000${subject}`, nowMs, () => getOverride(client, tableName, ownerId, metric, subject)),
  ]);
  return { metric: found, override };
};

export const quotaContext = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  { ownerId, metric, subject }: { ownerId: string; metric: string; subject: string },
  nowMs: number,
): Promise<QuotaContext> => {
  const [storedPlan, config] = await Promise.all([
    ownerPlans.get(ownerId, nowMs, () => loadOwnerPlan(client, tableName, ownerId)),
    subjectConfig(client, tableName, ownerId, metric, subject, nowMs),
  ]);
  return { ...planNamed(storedPlan), config };
};

/** An owner whose plan the table no longer lists gets the first (most modest) plan, and a warning in the logs. */
export const planNamed = (name: string | undefined): { planName: string; plan: Plan } => {
  if (name !== undefined && plans[name]) return { planName: name, plan: plans[name] };
  logger.warn('Owner plan not in the plan table; using the first plan', { plan: name, fallback: fallbackPlanName });
  return { planName: fallbackPlanName, plan: plans[fallbackPlanName]! };
};

export const ownerPlan = async (client: DynamoDBDocumentClient, tableName: string, ownerId: string, nowMs: number) =>
  planNamed(await ownerPlans.get(ownerId, nowMs, () => loadOwnerPlan(client, tableName, ownerId)));
