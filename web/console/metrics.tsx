import { useState } from 'preact/hooks';
import type { AnswerOf } from '../../packages/client/src/index.ts';
import { Choice, Confirm, ErrorNotice, Field, Form, More, Status, Table, formatNumber, inputValue, useCall, usePages, useSession } from './ui.tsx';

type Metric = AnswerOf<'quota.listMetrics'>['metrics'][number];
type Window = Metric['window'];
const windows: readonly Window[] = ['day', 'month', 'hour', 'minute', 'lifetime'];

/** An empty limit field means no limit. */
const limitOf = (text: string) => (text.trim() === '' ? null : Number(text));
const limitText = (limit: number | null) => (limit === null ? 'No limit' : formatNumber(limit));

/** The fields a metric's form edits, as text while they are typed. */
interface Draft {
  limit: string;
  window: Window;
  description: string;
}

const MetricFields = ({ draft, setDraft }: { draft: Draft; setDraft: (draft: Draft) => void }) => (
  <div class="row">
    <Field label="Limit per subject" type="number" min={0} step={1} inputMode="numeric" value={draft.limit} hint="Empty for no limit" onInput={(event: Event) => setDraft({ ...draft, limit: inputValue(event) })} />
    <Choice label="Window" choices={windows} value={draft.window} onChange={(value) => setDraft({ ...draft, window: value as Window })} />
    <Field label="Description" value={draft.description} maxLength={200} onInput={(event: Event) => setDraft({ ...draft, description: inputValue(event) })} />
  </div>
);

const EditMetric = ({ metric, onSaved, onCancel }: { metric: Metric; onSaved: (message: string) => void; onCancel: () => void }) => {
  const { incr } = useSession();
  const { call, error, busy } = useCall();
  const [draft, setDraft] = useState<Draft>({ limit: metric.limit === null ? '' : String(metric.limit), window: metric.window, description: metric.description ?? '' });
  const save = async () => {
    const updated = await call(() => incr.metrics.update(metric.metric, { limit: limitOf(draft.limit), window: draft.window, description: draft.description }));
    if (updated) onSaved(`Metric ${updated.metric} now allows ${limitText(updated.limit).toLowerCase()} per ${updated.window}.`);
  };
  return (
    <Form label={`Edit ${metric.metric}`} onSubmit={save}>
      <h3>Edit {metric.metric}</h3>
      <MetricFields draft={draft} setDraft={setDraft} />
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy}>
        Save {metric.metric}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>
    </Form>
  );
};

export const MetricsView = () => {
  const { incr } = useSession();
  const metrics = usePages<Metric>(async (cursor) => {
    const { metrics: items, nextCursor } = await incr.metrics.list({ cursor });
    return { items, nextCursor };
  });
  const action = useCall();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<Draft>({ limit: '', window: 'day', description: '' });
  const [editing, setEditing] = useState<string>();
  const [done, setDone] = useState('');

  const saved = (message: string) => {
    setEditing(undefined);
    setDone(message);
    void metrics.reload();
  };
  const create = async () => {
    setDone('');
    const created = await action.call(() =>
      incr.metrics.create({ metric: name, limit: limitOf(draft.limit), window: draft.window, ...(draft.description && { description: draft.description }) }),
    );
    if (!created) return;
    setName('');
    setDraft({ limit: '', window: 'day', description: '' });
    saved(`Metric ${created.metric} created.`);
  };
  const remove = async (metric: Metric) => {
    setDone('');
    if (await action.call(() => incr.metrics.delete(metric.metric))) saved(`Metric ${metric.metric} and its overrides are deleted.`);
  };

  const editedMetric = metrics.items?.find((metric) => metric.metric === editing);
  return (
    <>
      <Form label="Create a metric" onSubmit={create}>
        <h3>Create a metric</h3>
        <Field label="Metric" value={name} required maxLength={64} pattern="[a-z][a-z0-9]*(_[a-z0-9]+)*" placeholder="api_calls" hint="lowercase_snake_case" onInput={(event: Event) => setName(inputValue(event))} />
        <MetricFields draft={draft} setDraft={setDraft} />
        <button type="submit" disabled={action.busy}>
          Create metric
        </button>
      </Form>
      <ErrorNotice error={action.error} />
      {done && <Status>{done}</Status>}
      {editedMetric && <EditMetric key={editedMetric.metric} metric={editedMetric} onSaved={saved} onCancel={() => setEditing(undefined)} />}
      <ErrorNotice error={metrics.error} onRetry={metrics.reload} />
      {metrics.items?.length === 0 && <p>No metrics yet: create one above, then decide with check-consume.</p>}
      {metrics.items && metrics.items.length > 0 && (
        <Table caption="Metrics" head={['Metric', 'Limit per subject', 'Window', 'Description', '']}>
          {metrics.items.map((metric) => (
            <tr key={metric.metric}>
              <td>
                <code>{metric.metric}</code>
              </td>
              <td>{limitText(metric.limit)}</td>
              <td>{metric.window}</td>
              <td>{metric.description || '—'}</td>
              <td>
                <div class="actions">
                <a href={`#overrides/${encodeURIComponent(metric.metric)}`}>
                  Overrides<span class="visually-hidden"> of {metric.metric}</span>
                </a>
                <button type="button" class="secondary" onClick={() => setEditing(metric.metric)}>
                  Edit<span class="visually-hidden"> {metric.metric}</span>
                </button>
                <Confirm action="Delete" what={metric.metric} question={`Delete ${metric.metric} and all its overrides?`} disabled={action.busy} onConfirm={() => remove(metric)} />
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <More more={metrics.more} busy={metrics.busy} what="metrics" />
    </>
  );
};

type Override = AnswerOf<'quota.listOverrides'>['overrides'][number];

/** A subject's limit as typed: a number, or unlimited. */
const OverrideLimit = ({ limit, unlimited, setLimit, setUnlimited }: { limit: string; unlimited: boolean; setLimit: (text: string) => void; setUnlimited: (on: boolean) => void }) => (
  <div class="row">
    <Field label="Limit" type="number" min={0} step={1} inputMode="numeric" value={limit} required={!unlimited} disabled={unlimited} onInput={(event: Event) => setLimit(inputValue(event))} />
    <div class="field check">
      <label>
        <input type="checkbox" checked={unlimited} onChange={(event) => setUnlimited(event.currentTarget.checked)} /> Unlimited
      </label>
    </div>
  </div>
);

const EditOverride = ({ metric, override, onSaved, onCancel }: { metric: string; override: Override; onSaved: (message: string) => void; onCancel: () => void }) => {
  const { incr } = useSession();
  const { call, error, busy } = useCall();
  const [limit, setLimit] = useState(override.limit === 'unlimited' ? '' : String(override.limit));
  const [unlimited, setUnlimited] = useState(override.limit === 'unlimited');
  const save = async () => {
    const saved = await call(() => incr.overrides.put(metric, override.subject, { limit: unlimited ? 'unlimited' : Number(limit) }));
    if (saved) onSaved(`${saved.subject} may now use ${saved.limit === 'unlimited' ? 'an unlimited amount' : formatNumber(saved.limit)} of ${metric}.`);
  };
  return (
    <Form label={`Edit the override of ${override.subject}`} onSubmit={save}>
      <h3>Edit the override of {override.subject}</h3>
      <OverrideLimit limit={limit} unlimited={unlimited} setLimit={setLimit} setUnlimited={setUnlimited} />
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy}>
        Save override
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>
    </Form>
  );
};

/** Overrides come a page at a time: a metric may have one per customer. */
const overridesPageSize = 20;

export const OverridesView = ({ metric }: { metric: string }) => {
  const { incr } = useSession();
  const overrides = usePages<Override>(async (cursor) => {
    const { overrides: items, nextCursor } = await incr.overrides.list(metric, { cursor, limit: overridesPageSize });
    return { items, nextCursor };
  });
  const action = useCall();
  const [subject, setSubject] = useState('');
  const [limit, setLimit] = useState('');
  const [unlimited, setUnlimited] = useState(false);
  const [editing, setEditing] = useState<string>();
  const [done, setDone] = useState('');

  const saved = (message: string) => {
    setEditing(undefined);
    setDone(message);
    void overrides.reload();
  };
  const add = async () => {
    setDone('');
    const put = await action.call(() => incr.overrides.put(metric, subject, { limit: unlimited ? 'unlimited' : Number(limit) }));
    if (!put) return;
    setSubject('');
    setLimit('');
    setUnlimited(false);
    saved(`Override for ${put.subject} saved.`);
  };
  const remove = async (override: Override) => {
    setDone('');
    if (await action.call(() => incr.overrides.delete(metric, override.subject))) saved(`The override of ${override.subject} is deleted: the metric's limit applies again.`);
  };

  const edited = overrides.items?.find((override) => override.subject === editing);
  return (
    <>
      <p>
        <a href="#metrics">← All metrics</a>
      </p>
      <p>An override replaces the metric’s limit for one subject: a higher or lower number, or unlimited.</p>
      <Form label="Add an override" onSubmit={add}>
        <h3>Add an override</h3>
        <Field label="Subject" value={subject} required maxLength={200} placeholder="user_123" onInput={(event: Event) => setSubject(inputValue(event))} />
        <OverrideLimit limit={limit} unlimited={unlimited} setLimit={setLimit} setUnlimited={setUnlimited} />
        <button type="submit" disabled={action.busy}>
          Save override
        </button>
      </Form>
      <ErrorNotice error={action.error} />
      {done && <Status>{done}</Status>}
      {edited && <EditOverride key={edited.subject} metric={metric} override={edited} onSaved={saved} onCancel={() => setEditing(undefined)} />}
      <ErrorNotice error={overrides.error} onRetry={overrides.reload} />
      {overrides.items?.length === 0 && <p>No overrides: every subject gets the metric’s limit.</p>}
      {overrides.items && overrides.items.length > 0 && (
        <Table caption={`Overrides of ${metric}`} head={['Subject', 'Limit', '']}>
          {overrides.items.map((override) => (
            <tr key={override.subject}>
              <td>
                <code>{override.subject}</code>
              </td>
              <td>{override.limit === 'unlimited' ? 'Unlimited' : formatNumber(override.limit)}</td>
              <td>
                <div class="actions">
                <button type="button" class="secondary" onClick={() => setEditing(override.subject)}>
                  Edit<span class="visually-hidden"> {override.subject}</span>
                </button>
                <Confirm action="Delete" what={`the override of ${override.subject}`} question={`Delete the override of ${override.subject}?`} disabled={action.busy} onConfirm={() => remove(override)} />
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <More more={overrides.more} busy={overrides.busy} what="overrides" />
    </>
  );
};
