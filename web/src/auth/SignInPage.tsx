import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { SignInError, type StaffUser, signIn } from './session-client';
import './sign-in.css';

export interface SignInPageProps {
  onSignedIn(user: StaffUser): void;
  /** The session ended while the map was open: say so above the form. */
  expired?: boolean;
  /** The public map's address with the current view, or undefined when the public map is off. */
  publicHref?: string;
}

/** Staff sign-in: login and password, the server's verdict in words, and the way to the public map. */
export function SignInPage({ onSignedIn, expired, publicHref }: SignInPageProps) {
  const { t } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(login.trim(), password));
    } catch (failure) {
      setError(describe(failure, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <form className="sign-in__form" onSubmit={onSubmit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t('auth.title')}</h2>
        <p className="sign-in__intro">{t('auth.intro')}</p>
        {expired && !error && (
          <p className="sign-in__notice" role="status">
            {t('auth.expired')}
          </p>
        )}
        <label>
          {t('auth.login')}
          <input
            name="login"
            autoComplete="username"
            required
            value={login}
            onChange={(event) => setLogin(event.target.value)}
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="sign-in__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
      {publicHref && (
        <a className="sign-in__public" href={publicHref}>
          {t('auth.publicLink')}
        </a>
      )}
    </div>
  );
}

function describe(failure: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (!(failure instanceof SignInError)) return t('auth.failed', { message: String(failure) });
  if (failure.kind === 'wrong') return t('auth.wrong');
  if (failure.kind === 'tooMany') {
    const minutes = Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 900) / 60));
    return t('auth.tooMany', { minutes });
  }
  return failure.message === 'network' ? t('app.apiDown') : t('auth.failed', { message: failure.message });
}
