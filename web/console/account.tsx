import { useEffect, useState } from 'preact/hooks';
import type { AnswerOf } from '../../packages/client/src/index.ts';
import { Choice, ErrorNotice, Field, Table, formatNumber, formatTime, inputValue, useCall, useSession } from './ui.tsx';

type Account = AnswerOf<'quota.account'>;
type Decision = Account['recentDecisions'][number];

/** A cap of null: the plan sets none. */
const capText = (cap: number | null | undefined, unit: string) => (cap === null || cap === undefined ? 'Uncapped' : `${formatNumber(cap)} ${unit}`);

const MonthBar = ({ month }: { month: Account['month'] }) => {
  if (month.cap === null || month.requests === null) return <p>This plan does not cap the month, so its requests are not counted.</p>;
  return (
    <>
      <label for="month-progress">
        {formatNumber(month.requests)} of {formatNumber(month.cap)} requests this month ({formatNumber(month.remaining ?? 0)} left)
      </label>
      <progress id="month-progress" max={Math.max(month.cap, 1)} value={Math.min(month.requests, month.cap)} />
    </>
  );
};

const decisionFilters = ['all', 'allowed', 'denied'] as const;

const Decisions = ({ decisions, dropped }: { decisions: Decision[]; dropped: number }) => {
  const [outcome, setOutcome] = useState<(typeof decisionFilters)[number]>('all');
  const [subject, setSubject] = useState('');
  const [metric, setMetric] = useState('');
  const shown = decisions.filter(
    (decision) =>
      (outcome === 'all' || decision.allowed === (outcome === 'allowed')) &&
      decision.subject.includes(subject.trim()) &&
      decision.metric.includes(metric.trim()),
  );
  return (
    <section aria-labelledby="decisions-title">
      <h3 id="decisions-title">Recent decisions</h3>
      <div class="row" role="search" aria-label="Filter the decisions">
        <Choice label="Decision" choices={decisionFilters} value={outcome} onChange={(value) => setOutcome(value as typeof outcome)} />
        <Field label="Subject contains" value={subject} onInput={(event: Event) => setSubject(inputValue(event))} />
        <Field label="Metric contains" value={metric} onInput={(event: Event) => setMetric(inputValue(event))} />
      </div>
      <p class="note" role="status">
        {shown.length} of {decisions.length} recent decisions shown{dropped > 0 ? `; ${formatNumber(dropped)} more were made too fast to keep` : ''}. Decisions appear within seconds.
      </p>
      {shown.length > 0 && (
        <Table caption="Recent decisions" head={['Time', 'Subject', 'Metric', 'Cost', 'Decision', 'Remaining', 'Reason']}>
          {shown.map((decision) => (
            <tr>
              <td class="nowrap">{formatTime(decision.at)}</td>
              <td>
                <code>{decision.subject}</code>
              </td>
              <td>
                <code>{decision.metric}</code>
              </td>
              <td>{formatNumber(decision.cost)}</td>
              <td class={decision.allowed ? 'allowed' : 'denied'}>{decision.allowed ? 'Allowed' : 'Denied'}</td>
              <td>{decision.remaining === null ? '—' : formatNumber(decision.remaining)}</td>
              <td>{decision.reason ?? '—'}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
};

export const AccountView = () => {
  const { incr } = useSession();
  const { call, error, busy } = useCall();
  const [account, setAccount] = useState<Account>();
  const load = async () => {
    const answer = await call(() => incr.account.get());
    if (answer) setAccount(answer);
  };
  useEffect(() => {
    void load();
  }, []);
  return (
    <>
      <ErrorNotice error={error} onRetry={load} />
      <p>
        <button type="button" class="secondary" disabled={busy} onClick={load}>
          Refresh
        </button>
      </p>
      {account && (
        <>
          <section class="panel" aria-labelledby="plan-title">
            <h3 id="plan-title">Plan: {account.plan.name}</h3>
            <dl class="facts">
              <div>
                <dt>Per month</dt>
                <dd>{capText(account.plan.monthlyRequests, 'requests')}</dd>
              </div>
              <div>
                <dt>Per minute</dt>
                <dd>{capText(account.plan.requestsPerMinute, 'requests')}</dd>
              </div>
              <div>
                <dt>Per second</dt>
                <dd>{capText(account.plan.requestsPerSecond, 'requests')}</dd>
              </div>
            </dl>
            <p class="note">
              This month began {account.month.start.slice(0, 10)}. Owner <code>{account.ownerId}</code>.
            </p>
            <MonthBar month={account.month} />
          </section>
          <Decisions decisions={account.recentDecisions} dropped={account.recentDecisionsDropped} />
        </>
      )}
    </>
  );
};
