// The sign-in form: the analyst pastes an API token (`distillwatch token create --role analyst`);
// it is checked against the server, then kept in sessionStorage for this tab only.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api, setToken } from '../api.js';

/** Sign-in page; `reason` explains why the analyst was signed out, when they were. */
export function SignIn() {
  const [token, setTokenText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason] = useState(() => sessionStorage.getItem('distillwatch.signout-reason'));
  // Shown once: forget the reason after the first render (not inside the state initialiser, which
  // React may call twice in development).
  useEffect(() => sessionStorage.removeItem('distillwatch.signout-reason'), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      setError('Paste a token first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.checkToken(value);
      setToken(value);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, String(err));
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <form className="card signin-card" onSubmit={submit} aria-label="Sign in">
        <div className="brand big">
          <span className="brand-mark" />
          distillwatch
        </div>
        <p className="muted">
          Sign in with an API token of role <code>analyst</code> or <code>admin</code>. Create one on the
          server with <code>distillwatch token create --role analyst</code>.
        </p>
        {reason && (
          <div className="state state-error" role="alert">
            {reason}
          </div>
        )}
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          placeholder="dw_…"
          onChange={(e) => setTokenText(e.target.value)}
        />
        {error && (
          <div className="error-text" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="muted small">
          The token stays in this browser tab only and is forgotten when the tab closes.
        </p>
      </form>
    </div>
  );
}
