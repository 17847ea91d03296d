// Loading state for API reads: data, error and a reload function, optional polling, and sign-out
// when the server rejects the token (401).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, setToken } from './api.js';

/** The state of one API read. */
export interface ApiState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `key` changes (and every `pollMs` when given); keeps the last good data. */
export function useApi<T>(key: string, load: () => Promise<T>, pollMs?: number): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);
  const inFlight = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` re-runs the load on demand.
  useEffect(() => {
    let cancelled = false;
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(null);
    }
    setLoading(true);
    inFlight.current = true;
    loadRef.current().then(
      (value) => {
        if (cancelled) return;
        inFlight.current = false;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (cancelled) return;
        inFlight.current = false;
        const apiError = err instanceof ApiError ? err : new ApiError(0, String(err));
        if (apiError.status === 401) signOutRejected();
        setError(apiError);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
      inFlight.current = false;
    };
  }, [key, tick]);

  useEffect(() => {
    if (!pollMs) return;
    const timer = window.setInterval(() => {
      // A slow server gets to answer: no new poll while one is on its way.
      if (document.visibilityState === 'visible' && !inFlight.current) setTick((t) => t + 1);
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [pollMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/** Forgets a token the server rejected and tells the sign-in form why. */
export function signOutRejected(): void {
  sessionStorage.setItem(
    'distillwatch.signout-reason',
    'The server rejected your token (401). Paste a valid token to continue.',
  );
  setToken(null);
}
