import { MIN_PUBLIC_COUNT } from '@heatmap/geo';
import { AppHeader } from '../app/AppHeader';
import type { RouteProps } from '../app/routes';
import { useI18n } from '../i18n/i18n';
import { MapLoader } from '../screen/MapLoader';
import { formatUrlState } from '../url-state/url-state';
import { publicMapApi } from './public-map-api';
import { ShareButton } from './ShareButton';
import './public.css';

/** `/public`: the read-only map for residents and journalists, from the privacy-filtered public API. */
export function PublicShell({ url, setUrl }: RouteProps) {
  const { t } = useI18n();
  const search = formatUrlState(url);
  return (
    <div className="app app--public">
      <AppHeader title={t('public.title')} setUrl={setUrl}>
        <ShareButton search={search} />
        <a className="app__sign-in" href={`/${search}`}>
          {t('auth.signIn')}
        </a>
      </AppHeader>
      <p className="public-note" role="note">
        {t('public.note', { k: MIN_PUBLIC_COUNT })}
      </p>
      <main className="app__main">
        <MapLoader api={publicMapApi} url={url} setUrl={setUrl} />
      </main>
    </div>
  );
}
