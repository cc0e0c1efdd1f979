import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AccountView } from './console/account.tsx';
import { KeysView } from './console/keys.tsx';
import { MetricsView, OverridesView } from './console/metrics.tsx';
import { clientFor, forgetKey, IncrError, messageOf, storedKey, storeKey } from './console/session.ts';
import { ErrorNotice, Field, Form, SessionContext, Status, inputValue } from './console/ui.tsx';
import { UsageView } from './console/usage.tsx';
import './site.css';
import './console.css';

/**
 * The console: one page, its views in the URL's fragment (`#keys`, `#overrides/api_calls`), so
 * that reloading or sharing a view's address never carries the key, and the server serves one route.
 */

const views = [
  { id: 'keys', label: 'API keys' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'usage', label: 'Usage' },
  { id: 'account', label: 'Account' },
] as const;
type ViewId = (typeof views)[number]['id'];

const routeOf = (hash: string): { view: ViewId; metric?: string } => {
  const [name = '', metric] = hash.replace(/^#/, '').split('/');
  if (name === 'overrides' && metric) return { view: 'metrics', metric: decodeURIComponent(metric) };
  return { view: views.some(({ id }) => id === name) ? (name as ViewId) : 'keys' };
};

const useHash = () => {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return hash;
};

const SignIn = ({ onSignedIn, reason }: { onSignedIn: (key: string) => void; reason?: string }) => {
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const signIn = async () => {
    setBusy(true);
    setError('');
    try {
      // The account view is the cheapest admin call, and never counted against the plan.
      await clientFor(key.trim()).account.get();
      onSignedIn(key.trim());
    } catch (failure) {
      setError(failure instanceof IncrError && failure.status === 401 ? `This key was refused (${failure.message}): check it, or create a new one with the CLI.` : messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Console</h1>
      <p>Manage this deployment’s keys, metrics and overrides, and see usage and recent decisions. Sign in with one of your admin keys.</p>
      {reason && <Status>{reason}</Status>}
      <Form label="Sign in" onSubmit={signIn}>
        <Field
          label="Admin key"
          type="password"
          autoComplete="off"
          required
          value={key}
          hint="Kept in this tab only (sessionStorage) until you sign out or close it; never in a cookie or an address."
          onInput={(event: Event) => setKey(inputValue(event))}
        />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </Form>
      <ErrorNotice error={error} />
    </>
  );
};

const Console = () => {
  const [key, setKey] = useState(storedKey());
  const [reason, setReason] = useState<string>();
  const { view, metric } = routeOf(useHash());
  const heading = useRef<HTMLHeadingElement>(null);
  const session = useMemo(
    () =>
      key
        ? {
            incr: clientFor(key),
            signOut: (why?: string) => {
              forgetKey();
              setReason(why);
              setKey(null);
            },
          }
        : undefined,
    [key],
  );
  // A new view is announced by moving focus to its heading, as a page load would.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [view, metric]);

  if (!session)
    return (
      <SignIn
        reason={reason}
        onSignedIn={(signedIn) => {
          storeKey(signedIn);
          setReason(undefined);
          setKey(signedIn);
        }}
      />
    );
  const title = metric ? `Overrides of ${metric}` : views.find(({ id }) => id === view)!.label;
  return (
    <SessionContext.Provider value={session}>
      <div class="console-bar">
        <nav aria-label="Console">
          {views.map(({ id, label }) => (
            <a href={`#${id}`} aria-current={id === view ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <button type="button" class="secondary" onClick={() => session.signOut('Signed out: the key is forgotten.')}>
          Sign out
        </button>
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {view === 'keys' && <KeysView />}
      {view === 'metrics' && (metric ? <OverridesView key={metric} metric={metric} /> : <MetricsView />)}
      {view === 'usage' && <UsageView />}
      {view === 'account' && <AccountView />}
    </SessionContext.Provider>
  );
};

const root = document.getElementById('console')!;
root.textContent = '';
render(<Console />, root);
