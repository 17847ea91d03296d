// Review actions: confirm or dismiss a campaign with a note, and per-account overrides. Each form
// shows the server's answer (or its refusal) and asks the page to reload on success.
import { type FormEvent, useState } from 'react';
import { ApiError, api, type OverrideDecision } from '../api.js';
import { signOutRejected } from '../useApi.js';

/** Turns a failed call into a message, signing out on 401. */
function failure(err: unknown): string {
  const e = err instanceof ApiError ? err : new ApiError(0, String(err));
  if (e.status === 401) signOutRejected();
  return e.message;
}

/** Confirm / dismiss with a note. */
export function ReviewForm({
  campaign,
  status,
  onDone,
}: {
  campaign: string;
  status: string;
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<null | 'confirm' | 'dismiss'>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (action: 'confirm' | 'dismiss', event?: FormEvent) => {
    event?.preventDefault();
    setBusy(action);
    setMessage(null);
    try {
      await api.review(campaign, action, note.trim());
      setMessage({ ok: true, text: action === 'confirm' ? 'Campaign confirmed.' : 'Campaign dismissed.' });
      setNote('');
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: failure(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="review" onSubmit={(e) => submit('confirm', e)} aria-label="Review this campaign">
      <label htmlFor="review-note">Reviewer note</label>
      <textarea
        id="review-note"
        rows={2}
        value={note}
        placeholder="What you checked and why you decided (kept in the audit log)"
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="review-actions">
        <button type="submit" className="btn btn-danger" disabled={busy !== null || status === 'confirmed'}>
          {busy === 'confirm' ? 'Confirming…' : 'Confirm campaign'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy !== null || status === 'dismissed'}
          onClick={() => submit('dismiss')}
        >
          {busy === 'dismiss' ? 'Dismissing…' : 'Dismiss as benign'}
        </button>
        {message && (
          <span className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

const DECISIONS: { value: OverrideDecision; label: string; help: string }[] = [
  { value: 'block', label: 'Block', help: 'the gateway refuses this account' },
  { value: 'review', label: 'Review', help: 'hold for a human decision' },
  { value: 'challenge', label: 'Challenge', help: 'the gateway asks for extra verification' },
  { value: 'allow', label: 'Allow', help: 'never block, whatever the score' },
];

/** A per-account override: allow, review or block, with a note. */
export function OverrideForm({
  account,
  current,
  onDone,
  compact = false,
}: {
  account: string;
  current?: OverrideDecision | null;
  onDone?: () => void;
  compact?: boolean;
}) {
  const [decision, setDecision] = useState<OverrideDecision>(current ?? 'block');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await api.override(account, decision, note.trim());
      setMessage({ ok: true, text: `Override saved: ${decision}.` });
      setNote('');
      onDone?.();
    } catch (err) {
      setMessage({ ok: false, text: failure(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={`override${compact ? ' compact' : ''}`}
      onSubmit={submit}
      aria-label={`Override ${account}`}
    >
      <div className="segmented" role="radiogroup" aria-label="Decision">
        {DECISIONS.map((d) => (
          <label key={d.value} className={decision === d.value ? 'on' : ''} title={d.help}>
            <input
              type="radio"
              name={`decision-${account}`}
              value={d.value}
              checked={decision === d.value}
              onChange={() => setDecision(d.value)}
            />
            {d.label}
          </label>
        ))}
      </div>
      <input
        type="text"
        className="override-note"
        value={note}
        placeholder="Note (why)"
        aria-label="Override note"
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save override'}
      </button>
      {message && (
        <span className={message.ok ? 'ok-text' : 'error-text'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </form>
  );
}
