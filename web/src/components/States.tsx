// Loading, error and empty states, so every page says what is going on instead of going blank.
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';

/** A quiet spinner line while data loads. */
export function Loading({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

/** An error box with the server's reason and a retry button. */
export function ErrorBox({ error, onRetry, what }: { error: ApiError; onRetry?: () => void; what: string }) {
  const title = error.status === 404 ? `No such ${what}` : `Could not load ${what}`;
  return (
    <div className="state state-error" role="alert">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {onRetry && error.status !== 404 && (
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A friendly empty state with an explanation of why there is nothing. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}
