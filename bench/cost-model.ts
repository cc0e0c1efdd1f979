/**
 * The price of a route's request, from what `npm run bench:costs` measured and the deploy settings:
 * a pure function of both, so that docs/cost.md's tables can be checked against the measurements
 * they were made from (test/cost-table.test.ts).
 */
import { parseDeployContext } from '../lib/config.ts';
import { metricsFlushIntervalMs } from '../lambdas/shared/metric-names.ts';

/** Public list prices in us-east-1, November 2026 (DynamoDB on-demand as cut in November 2024). */
export const prices = {
  httpApiPerMillion: 1.0,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  writeRequestUnitPerMillion: 0.625,
  readRequestUnitPerMillion: 0.125,
  logsIngestionPerGb: 0.5,
  logsInfrequentAccessIngestionPerGb: 0.25,
  xrayTracesPerMillion: 5.0,
};

/** What this machine cannot measure, stated so that the estimate can be checked and redone. */
export const assumptions = {
  memoryMb: 256,
  /** Lambda gives a function CPU in proportion to memory: one full vCPU at 1,769 MB. */
  cpuSlowdown: 1769 / 256,
  /** One warm DynamoDB round trip from Lambda in the same region, SDK included, by kind of call. */
  dynamodbRoundTripMs: { get: 6, update: 6, transaction: 10, batch: 10, none: 0 },
  /** Lambda's START, END and REPORT lines (with the X-Ray trace id), per invocation: 3 events. */
  platformLogBytes: 420,
  /** One access log line of the API (lib/api-stage.ts), with typical values. */
  accessLogBytes: 420,
  /** CloudWatch Logs bills each event's bytes plus 26. */
  logEventOverheadBytes: 26,
  /** Lambda's active tracing: the first request each second, then 5 %. */
  xraySampledShare: 0.05,
  /**
   * Requests one container serves per second: the metrics' EMF lines are shared among the requests
   * of a flush interval. 100 million requests a month are 38 a second.
   */
  containerRequestsPerSecond: 10,
};

export type CallKind = keyof typeof assumptions.dynamodbRoundTripMs;

/** What the benchmark measured of one sample request, all that the price depends on. */
export interface Measurement {
  sample: string;
  /** A route of the hot path, which the defaults must keep within 1.1 × its floor. */
  hot: boolean;
  /** Estimated duration in AWS, whole milliseconds. */
  awsMs: number;
  wru: number;
  rru: number;
  /** One request line, as the function prints it. */
  requestLineBytes: number;
  /** What one flush of this route's metrics prints, after many requests; 0 when it records none. */
  emfBytesPerFlush: number;
  emfLinesPerFlush: number;
}

/** A set of deploy settings to price, `cdk -c` style, and whether metrics are printed per request instead. */
export interface Profile {
  name: string;
  context: Record<string, unknown>;
  requestsPerFlush?: number;
}

const requestsPerFlush = (assumptions.containerRequestsPerSecond * metricsFlushIntervalMs) / 1000;

export const defaults: Profile = { name: 'defaults', context: {} };

/** Each setting that changes the figure, beside the defaults; then the conditions that do. */
export const profiles: Profile[] = [
  { name: '`incr:accessLogs=on`', context: { 'incr:accessLogs': 'on' } },
  { name: '`incr:accessLogs=on`, `incr:accessLogClass=infrequent-access`', context: { 'incr:accessLogs': 'on', 'incr:accessLogClass': 'infrequent-access' } },
  { name: '`incr:tracing=active`', context: { 'incr:tracing': 'active' } },
  { name: '`incr:systemLogLevel=INFO` (START/END/REPORT)', context: { 'incr:systemLogLevel': 'INFO' } },
  { name: '`incr:requestLogSampleRate=1` (every request line)', context: { 'incr:requestLogSampleRate': 1 } },
  { name: '`incr:debug=true` (all of the above but the log class)', context: { 'incr:debug': true } },
  { name: 'defaults, in a container that serves one request per metrics flush', context: {}, requestsPerFlush: 1 },
];

/** Issue 16's starting point: every line of `incr:debug`, and an EMF line per request. */
export const before: Profile = { name: 'before (issue 16)', context: { 'incr:debug': true }, requestsPerFlush: 1 };

const perMillion = (bytes: number, pricePerGb: number) => ((bytes * 1e6) / 2 ** 30) * pricePerGb;

export const costOf = (measurement: Measurement, profile: Profile) => {
  const { accessLogs, accessLogClass, tracing, systemLogLevel, requestLog } = parseDeployContext(profile.context).observability;
  const overhead = assumptions.logEventOverheadBytes;
  const functionLogBytes =
    requestLog.sampleRate * (measurement.requestLineBytes + overhead) +
    (measurement.emfBytesPerFlush + measurement.emfLinesPerFlush * overhead) / (profile.requestsPerFlush ?? requestsPerFlush) +
    (systemLogLevel === 'WARN' ? 0 : assumptions.platformLogBytes + 3 * overhead);
  const accessLogPrice = accessLogClass === 'INFREQUENT_ACCESS' ? prices.logsInfrequentAccessIngestionPerGb : prices.logsIngestionPerGb;
  const cost = {
    api: prices.httpApiPerMillion,
    lambda: prices.lambdaPerMillionRequests + (measurement.awsMs / 1000) * (assumptions.memoryMb / 1024) * prices.lambdaArmPerGbSecond * 1e6,
    dynamodb: measurement.wru * prices.writeRequestUnitPerMillion + measurement.rru * prices.readRequestUnitPerMillion,
    logs: perMillion(functionLogBytes, prices.logsIngestionPerGb) + (accessLogs ? perMillion(assumptions.accessLogBytes + overhead, accessLogPrice) : 0),
    xray: tracing ? assumptions.xraySampledShare * prices.xrayTracesPerMillion : 0,
  };
  const floor = cost.api + cost.lambda + cost.dynamodb;
  const total = floor + cost.logs + cost.xray;
  return { ...cost, floor, total, ratio: total / floor };
};

const dollars = (value: number) => `$${value.toFixed(2)}`;
/** For the parts the defaults bring down to fractions of a cent. */
const fineDollars = (value: number) => `$${value.toFixed(3)}`;
const times = (value: number) => `${value.toFixed(2)}×`;
const range = (values: number[], format: (value: number) => string) => {
  const [low, high] = [Math.min(...values), Math.max(...values)].map(format);
  return low === high ? low! : `${low}–${high}`;
};

/** The date line comes first, so that a check can leave it out. */
export const renderCostTables = (measurements: readonly Measurement[], date: string): string => {
  const hot = measurements.filter((measurement) => measurement.hot);
  const lines = [
    `Measured on ${date} by \`npm run bench:costs\`.`,
    '',
    'Per million requests with the default settings (hot routes in bold):',
    '',
    '| Route | est. AWS ms | WRU | RRU | API | Lambda | DynamoDB | **Floor** | Logs | X-Ray | **Total** | Total / floor |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...measurements.map((measurement) => {
      const cost = costOf(measurement, defaults);
      const name = measurement.hot ? `**${measurement.sample}**` : measurement.sample;
      return (
        `| ${name} | ${measurement.awsMs} | ${measurement.wru.toFixed(2)} | ${measurement.rru.toFixed(2)} | ${dollars(cost.api)} | ${dollars(cost.lambda)} | ` +
        `${dollars(cost.dynamodb)} | **${dollars(cost.floor)}** | ${fineDollars(cost.logs)} | ${fineDollars(cost.xray)} | **${dollars(cost.total)}** | ${times(cost.ratio)} |`
      );
    }),
    '',
    'What each setting changes, over the hot routes:',
    '',
    '| Settings | Logs + X-Ray per million | Total / floor |',
    '| --- | ---: | ---: |',
    ...[defaults, ...profiles, before].map((profile) => {
      const costs = hot.map((measurement) => costOf(measurement, profile));
      return `| ${profile.name} | ${range(costs.map((cost) => cost.logs + cost.xray), fineDollars)} | ${range(costs.map((cost) => cost.ratio), times)} |`;
    }),
    '',
    'The hot routes before and after:',
    '',
    '| Route | Floor | Before | Ratio | After (defaults) | Ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...hot.map((measurement) => {
      const [then, now] = [costOf(measurement, before), costOf(measurement, defaults)];
      return `| ${measurement.sample} | ${dollars(now.floor)} | ${dollars(then.total)} | ${times(then.ratio)} | ${dollars(now.total)} | ${times(now.ratio)} |`;
    }),
  ];
  return lines.join('\n');
};

export const markers = { start: '<!-- bench:costs start -->', end: '<!-- bench:costs end -->' };
const measurementsFence = '```json bench-costs-measurements';

/** The tables, then the measurements they were made from, between the markers of `document`. */
export const withCostTables = (document: string, measurements: readonly Measurement[], date: string): string => {
  const [head, rest] = document.split(markers.start);
  const tail = rest?.split(markers.end)[1];
  if (head === undefined || tail === undefined) throw new Error(`the document has no ${markers.start} … ${markers.end} section`);
  const section = [renderCostTables(measurements, date), '', 'The measurements these tables were computed from:', '', measurementsFence, JSON.stringify(measurements, null, 1), '```'];
  return `${head}${markers.start}\n${section.join('\n')}\n${markers.end}${tail}`;
};

/** What `withCostTables` wrote: the tables as text, and the measurements. */
export const readCostSection = (document: string) => {
  const section = document.split(markers.start)[1]?.split(markers.end)[0];
  if (section === undefined) throw new Error(`the document has no ${markers.start} … ${markers.end} section`);
  const [tables, json] = section.split(measurementsFence) as [string, string];
  return {
    tables: tables.replace(/\n\nThe measurements these tables were computed from:\n\n$/, '').trim(),
    measurements: JSON.parse(json.split('```')[0]!) as Measurement[],
  };
};
