import { useEffect } from 'react';
import { staffMapApi } from '../api/map-api';
import { AppHeader } from '../app/AppHeader';
import type { RouteProps } from '../app/routes';
import { SignInPage } from '../auth/SignInPage';
import { UserMenu } from '../auth/UserMenu';
import { useSession } from '../auth/use-session';
import { useI18n } from '../i18n/i18n';
import { LiveDataVersion } from '../live/live-data-version';
import { MapLoader } from '../screen/MapLoader';
import { formatUrlState } from '../url-state/url-state';

const readStaffVersion = async (signal: AbortSignal) => (await staffMapApi.meta(signal)).dataVersion;

/**
 * `/`: the staff map for a signed-in user, else the sign-in form with the way to the public map. A
 * municipal user's map is limited to their districts (the server enforces it; the UI follows suit).
 */
export function StaffShell({ url, setUrl }: RouteProps) {
  const { t } = useI18n();
  const { session, signedIn, signOut, retry } = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const scope = user?.role === 'municipal' ? user.districts.map((district) => district.name) : undefined;
  const scopeKey = scope?.join(',');

  // A link naming other districts would only earn a 403 for a municipal user: keep their own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scopeKey stands for scope
  useEffect(() => {
    if (!scope) return;
    const own = url.district.filter((name) => scope.includes(name));
    if (own.length !== url.district.length) setUrl({ district: own });
  }, [scopeKey, url.district, setUrl]);

  return (
    <div className="app">
      <AppHeader title={t('app.title')} setUrl={setUrl}>
        {user && <UserMenu user={user} onSignOut={signOut} />}
      </AppHeader>
      <main className="app__main">
        {session.status === 'loading' && (
          <p className="page-status" role="status">
            {t('app.loading')}
          </p>
        )}
        {session.status === 'failed' && (
          <div className="page-status page-status--error" role="alert">
            <p>{t('app.apiDown')}</p>
            <button type="button" onClick={retry}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {session.status === 'signedOut' && (
          <SignInPage
            onSignedIn={signedIn}
            expired={session.expired}
            publicHref={session.publicMap ? `/public${formatUrlState(url)}` : undefined}
          />
        )}
        {user && (
          <LiveDataVersion readVersion={readStaffVersion}>
            <MapLoader key={user.login} api={staffMapApi} url={url} setUrl={setUrl} scope={scope} />
          </LiveDataVersion>
        )}
      </main>
    </div>
  );
}
