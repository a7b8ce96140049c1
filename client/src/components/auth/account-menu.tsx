import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../hooks/use-i18n';
import { useStaff } from '../../hooks/use-staff';
import { ApiError } from '../../lib/api';

/** Title-bar account menu: a sign-in form when signed out; the user, the role and sign-out when signed in. */
export function AccountMenu() {
  const { t } = useI18n();
  const staff = useStaff();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popId = useId();

  // Close on Esc and on a click outside; Esc is taken here so it does not also close the feature panel.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    // Capture phase: before the app's own Esc handler on document sees the key.
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  if (!staff) return null;
  const { user, signIn, signOut } = staff.auth;
  if (user === undefined) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      setPassword('');
      setOpen(false);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t.staff.signInFailed : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const roleLabel = user ? (t.staff.roles[user.role] ?? user.role) : '';
  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bar-button account-button"
        aria-expanded={open}
        aria-controls={popId}
        onClick={() => setOpen((v) => !v)}
        title={user ? `${t.staff.signedInAs} ${user.username} (${roleLabel})` : t.staff.signIn}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <circle cx="8" cy="5.4" r="2.9" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M2.4 14.4 C2.9 11 5.2 9.6 8 9.6 S13.1 11 13.6 14.4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
        {user ? (
          <span className="account-name">
            {user.username} <span className="role-tag" data-role={user.role}>{roleLabel}</span>
          </span>
        ) : (
          <span className="bar-button-label">{t.staff.signIn}</span>
        )}
      </button>
      {open && (
        <div className="account-pop" id={popId} role="dialog" aria-label={user ? t.staff.account : t.staff.signInTitle}>
          {user ? (
            <>
              <p className="account-who">
                <span className="muted">{t.staff.signedInAs}</span> <strong>{user.username}</strong>{' '}
                <span className="role-tag" data-role={user.role}>{roleLabel}</span>
              </p>
              <button
                type="button"
                className="staff-button"
                onClick={() => {
                  staff.setTool(null);
                  void signOut().finally(() => setOpen(false));
                }}
              >
                {t.staff.signOut}
              </button>
            </>
          ) : (
            <form className="sign-in-form" onSubmit={(e) => void submit(e)}>
              <h2 className="staff-heading">{t.staff.signInTitle}</h2>
              <label>
                <span>{t.staff.username}</span>
                <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
              </label>
              <label>
                <span>{t.staff.password}</span>
                <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
              </label>
              {error && <p className="staff-error" role="alert">{error}</p>}
              <button type="submit" className="staff-button primary" disabled={busy}>
                {busy ? t.staff.signingIn : t.staff.signIn}
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
