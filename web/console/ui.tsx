import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Incr } from '../../packages/client/src/index.ts';
import { IncrError, messageOf } from './session.ts';

/** What every view gets from the signed-in console: the client with the owner's key, and the way out. */
export interface Session {
  incr: Incr;
  signOut: (reason?: string) => void;
}
export const SessionContext = createContext<Session>(undefined as never);
export const useSession = () => useContext(SessionContext);

/**
 * Runs API calls for a view: `busy` while one runs, and its failure as a readable `error`. A 401
 * means the owner's key stopped working (revoked, say): back to sign in, saying why.
 */
export const useCall = () => {
  const { signOut } = useSession();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const call = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError('');
    try {
      return await action();
    } catch (failure) {
      if (failure instanceof IncrError && failure.status === 401) signOut(`Your admin key was refused (${failure.message}). Sign in again.`);
      else setError(messageOf(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { call, error, busy, setError };
};

export const ErrorNotice = ({ error, onRetry }: { error: string; onRetry?: () => void }) =>
  error ? (
    <div class="notice error" role="alert">
      <p>{error}</p>
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  ) : null;

export const Status = ({ children }: { children: ComponentChildren }) => (
  <p class="notice" role="status">
    {children}
  </p>
);

let fieldCount = 0;
/** A labelled input; the id is generated, so one form's fields can appear several times on a page. */
export const Field = ({ label, hint, ...input }: { label: string; hint?: string } & Record<string, unknown>) => {
  const id = useRef(`field-${++fieldCount}`).current;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </div>
  );
};

export const Choice = ({ label, choices, value, onChange }: { label: string; choices: readonly string[]; value: string; onChange: (value: string) => void }) => {
  const id = useRef(`field-${++fieldCount}`).current;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {choices.map((choice) => (
          <option value={choice}>{choice}</option>
        ))}
      </select>
    </div>
  );
};

/** A form that never submits (the pages' policy has `form-action 'none'`): Enter and the button run `onSubmit`. */
export const Form = ({ label, onSubmit, children }: { label: string; onSubmit: () => void; children: ComponentChildren }) => (
  <form
    class="panel"
    aria-label={label}
    onSubmit={(event) => {
      event.preventDefault();
      if (event.currentTarget.reportValidity()) onSubmit();
    }}
  >
    {children}
  </form>
);

/**
 * A destructive action asked twice: the first button turns into the question, with the
 * confirming button focused (so Enter confirms, Escape or Cancel backs out). `what` names the
 * target for screen readers, as a table holds one such button per row.
 */
export const Confirm = ({ action, what, question, onConfirm, disabled }: { action: string; what: string; question: string; onConfirm: () => void; disabled?: boolean }) => {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" class="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {action}
        <span class="visually-hidden"> {what}</span>
      </button>
    );
  return (
    <span class="confirm" role="group" aria-label={question} onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}>
      <span>{question}</span>
      <button
        type="button"
        class="danger"
        ref={confirm}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Yes, {action.toLowerCase()}
      </button>
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
};

/** Times as UTC, as the API's windows are: the same on every reader's screen. */
export const formatTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
export const formatNumber = (count: number) => new Intl.NumberFormat('en-US').format(count);

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export const Table = ({ caption, head, children }: { caption: string; head: string[]; children: ComponentChildren }) => (
  <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((name) => (
            <th scope="col">{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);

/**
 * The pages of a list the API answers a cursor at a time, loaded one after the other into one list:
 * `more` is there while the API says there is a next page.
 */
export const usePages = <T,>(load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) => {
  const { call, error, busy, setError } = useCall();
  const [items, setItems] = useState<T[] | undefined>(undefined);
  const [cursor, setCursor] = useState<string | null>(null);
  const fetchPage = async (from: string | undefined, previous: T[]) => {
    const page = await call(() => load(from));
    if (!page) return;
    setItems([...previous, ...page.items]);
    setCursor(page.nextCursor);
  };
  const reload = () => fetchPage(undefined, []);
  useEffect(() => {
    void reload();
  }, []);
  return { items, error, busy, setError, reload, more: cursor ? () => fetchPage(cursor, items ?? []) : undefined };
};

export const More = ({ more, busy, what }: { more?: () => void; busy: boolean; what: string }) =>
  more ? (
    <button type="button" class="secondary" disabled={busy} onClick={more}>
      Load more {what}
    </button>
  ) : null;

export const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement).value;
