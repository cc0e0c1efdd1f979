import { useState } from 'preact/hooks';
import type { AnswerOf } from '../../packages/client/src/index.ts';
import { CopyButton } from '../copy.tsx';
import { Choice, Confirm, ErrorNotice, Field, Form, More, Status, Table, formatTime, inputValue, useCall, usePages, useSession } from './ui.tsx';

type Key = AnswerOf<'keys.list'>['keys'][number];
type CreatedKey = AnswerOf<'keys.create', 201>;

/** The key just created, shown this once: Incr keeps only its hash. */
const NewKey = ({ created, onDone }: { created: CreatedKey; onDone: () => void }) => (
  <section class="notice warning" aria-labelledby="new-key-title">
    <h3 id="new-key-title">
      New {created.kind} key{created.name ? ` “${created.name}”` : ''}
    </h3>
    <p>
      <strong>Copy it now: it is shown only this once.</strong> Incr stores only its hash, so nobody can show it again; if it is lost, create another and revoke this one.
    </p>
    <pre id="new-key">
      <code>{created.key}</code>
    </pre>
    <CopyButton text={created.key} label="the new key" target={() => document.getElementById('new-key')} />
    <p>
      <button type="button" class="secondary" onClick={onDone}>
        I have copied it: hide the key
      </button>
    </p>
  </section>
);

export const KeysView = () => {
  const { incr } = useSession();
  const keys = usePages<Key>(async (cursor) => {
    const { keys: items, nextCursor } = await incr.keys.list({ cursor });
    return { items, nextCursor };
  });
  const action = useCall();
  const [kind, setKind] = useState<'use' | 'admin'>('use');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedKey>();
  const [done, setDone] = useState('');

  const create = async () => {
    setDone('');
    const key = await action.call(() => incr.keys.create({ kind, ...(name.trim() && { name: name.trim() }) }));
    if (!key) return;
    setCreated(key);
    setName('');
    void keys.reload();
  };
  const revoke = async (key: Key) => {
    setDone('');
    const revoked = await action.call(() => incr.keys.revoke(key.keyId));
    if (!revoked) return;
    setDone(`Key ${revoked.prefix}… is revoked: it stops working everywhere within ${revoked.effectiveWithinSeconds} seconds.`);
    void keys.reload();
  };

  return (
    <>
      <Form label="Create a key" onSubmit={create}>
        <h3>Create a key</h3>
        <div class="row">
          <Choice label="Kind" choices={['use', 'admin']} value={kind} onChange={(value) => setKind(value as 'use' | 'admin')} />
          <Field label="Name" value={name} maxLength={100} placeholder="billing service" hint="Optional: what the key is for" onInput={(event: Event) => setName(inputValue(event))} />
        </div>
        <p class="hint">Use keys make decisions and count; admin keys manage keys, metrics and overrides, as here.</p>
        <button type="submit" disabled={action.busy}>
          Create key
        </button>
      </Form>
      {created && <NewKey created={created} onDone={() => setCreated(undefined)} />}
      <ErrorNotice error={action.error} />
      {done && <Status>{done}</Status>}
      <ErrorNotice error={keys.error} onRetry={keys.reload} />
      {keys.items && (
        <Table caption="API keys" head={['Prefix', 'Kind', 'Name', 'Created', 'Status', '']}>
          {keys.items.map((key) => (
            <tr key={key.keyId}>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.kind}</td>
              <td>{key.name ?? '—'}</td>
              <td>{formatTime(key.createdAt)}</td>
              <td>{key.revokedAt ? `Revoked ${formatTime(key.revokedAt)}` : 'Active'}</td>
              <td>
                {!key.revokedAt && (
                  <Confirm action="Revoke" what={`key ${key.prefix}`} question={`Revoke ${key.prefix}…? Whatever uses it is refused within seconds.`} disabled={action.busy} onConfirm={() => revoke(key)} />
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <More more={keys.more} busy={keys.busy} what="keys" />
    </>
  );
};
