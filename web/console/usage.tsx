import { useState } from 'preact/hooks';
import type { AnswerOf } from '../../packages/client/src/index.ts';
import { ErrorNotice, Field, Form, formatNumber, inputValue, useCall, useSession } from './ui.tsx';

type Usage = AnswerOf<'quota.usage'>;

/** How much of its limit a subject has used, as a bar and in words. */
export const UsageBar = ({ usage }: { usage: Usage }) => (
  <section class="panel" aria-labelledby="usage-title">
    <h3 id="usage-title">
      {usage.subject} · {usage.metric}
    </h3>
    {usage.limit === null ? (
      <p>No limit applies: {formatNumber(usage.current)} used so far.</p>
    ) : (
      <>
        <label for="usage-meter">
          {formatNumber(usage.current)} of {formatNumber(usage.limit)} used
        </label>
        <meter id="usage-meter" min={0} max={Math.max(usage.limit, 1)} high={usage.limit * 0.8} optimum={0} value={Math.min(usage.current, usage.limit)} />
      </>
    )}
    <dl class="facts">
      <div>
        <dt>Current</dt>
        <dd>{formatNumber(usage.current)}</dd>
      </div>
      <div>
        <dt>Limit</dt>
        <dd>{usage.limit === null ? 'None' : formatNumber(usage.limit)}</dd>
      </div>
      <div>
        <dt>Remaining</dt>
        <dd>{usage.remaining === null ? 'Unlimited' : formatNumber(usage.remaining)}</dd>
      </div>
      <div>
        <dt>Window</dt>
        <dd>{usage.window === 'none' ? 'Lifetime' : `This ${usage.window}`}</dd>
      </div>
    </dl>
  </section>
);

/** Usage is read with the signed-in admin key: the API takes either of the owner's keys there. */
export const UsageView = () => {
  const { incr } = useSession();
  const { call, error, busy } = useCall();
  const [subject, setSubject] = useState('');
  const [metric, setMetric] = useState('');
  const [usage, setUsage] = useState<Usage>();
  const lookUp = async () => {
    const found = await call(() => incr.quota.usage({ subject, metric }));
    setUsage(found);
  };
  return (
    <>
      <Form label="Look up usage" onSubmit={lookUp}>
        <div class="row">
          <Field label="Subject" value={subject} required maxLength={200} placeholder="user_123" onInput={(event: Event) => setSubject(inputValue(event))} />
          <Field label="Metric" value={metric} required maxLength={200} placeholder="api_calls" onInput={(event: Event) => setMetric(inputValue(event))} />
        </div>
        <button type="submit" disabled={busy}>
          Look up usage
        </button>
      </Form>
      <ErrorNotice error={error} />
      {usage && <UsageBar usage={usage} />}
    </>
  );
};
