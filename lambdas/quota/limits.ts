import { config } from '../shared/config.ts';
import { ExpiringCache } from '../shared/expiring-cache.ts';
import { logger } from '../shared/logger.ts';
import type { Plan } from '../shared/plans.ts';
import { effectiveLimit, type EffectiveLimit, getMetric, getOverride, isConfigurableMetric, loadOwnerPlan, type Metric, type Override, type SubjectConfig } from './config-store.ts';
import type { QuotaContext } from './context.ts';

/**
 * The limits a decision applies besides the request: the owner's plan, and the subject's limit
 * from the metric and the subject's override. Each is cached in the container for `configCacheMs`,
 * so a decision in steady state reads nothing; a change of limits, overrides or plan therefore
 * takes effect within that time. A decision reads its subject's override by key, never all of a
 * metric's overrides, so what it loads does not grow with their number.
 */
export const configCacheMs = 5_000;

/**
 * The deployment's plan table: `incr:plans` of cdk.json, handed over by the stack or the local
 * server, and the plan of an owner whose plan the table no longer lists: the deployer's
 * `incr:defaultPlan` (the plan new owners get), else the table's first plan (a function given no
 * default, as a bare test environment).
 */
const { plans } = config;
const fallbackPlanName = config.defaultPlan !== undefined && plans[config.defaultPlan] ? config.defaultPlan : (Object.keys(plans)[0] as string);

const metrics = new ExpiringCache<Metric | undefined>(configCacheMs, 10_000);
const overrides = new ExpiringCache<Override | undefined>(configCacheMs, 10_000);
const ownerPlans = new ExpiringCache<string | undefined>(configCacheMs, 10_000);

export interface SubjectRef {
  ownerId: string;
  metric: string;
  subject: string;
}

export interface Limits {
  plan: Plan;
  /** null: no limit applies to the subject (not counted). */
  limit: EffectiveLimit | null;
}

const subjectConfig = async ({ client, tableName, nowMs }: QuotaContext, { ownerId, metric, subject }: SubjectRef): Promise<SubjectConfig> => {
  if (!isConfigurableMetric(metric)) return {};
  const metricId = `${ownerId}\u0000${metric}`;
  const [found, override] = await Promise.all([
    metrics.get(metricId, nowMs, () => getMetric(client, tableName, ownerId, metric)),
    overrides.get(`${metricId}\u0000${subject}`, nowMs, () => getOverride(client, tableName, ownerId, metric, subject)),
  ]);
  return { metric: found, override };
};

const storedPlanName = ({ client, tableName, nowMs }: QuotaContext, ownerId: string) =>
  ownerPlans.get(ownerId, nowMs, () => loadOwnerPlan(client, tableName, ownerId));

/** The plan and the subject's limit, read in one parallel wave of whatever is not cached. */
export const resolveLimits = async (context: QuotaContext, subject: SubjectRef): Promise<Limits> => {
  const [planName, config] = await Promise.all([storedPlanName(context, subject.ownerId), subjectConfig(context, subject)]);
  return { plan: planNamed(planName).plan, limit: effectiveLimit(config) };
};

/** An owner whose plan the table no longer lists gets the default plan, and a warning in the logs. */
const planNamed = (name: string | undefined): { planName: string; plan: Plan } => {
  if (name !== undefined && plans[name]) return { planName: name, plan: plans[name] };
  logger.warn('Owner plan not in the plan table; using the default plan', { plan: name, fallback: fallbackPlanName });
  return { planName: fallbackPlanName, plan: plans[fallbackPlanName]! };
};

export const ownerPlan = async (context: QuotaContext, ownerId: string) => planNamed(await storedPlanName(context, ownerId));
