import { MIN_PUBLIC_COUNT } from '@heatmap/geo';
import type { RouteProps } from '../app/routes';
import { useI18n } from '../i18n/i18n';
import { MapLoader } from '../screen/MapLoader';
import { formatUrlState } from '../url-state/url-state';
import { publicMapApi } from './public-map-api';
import './embed.css';

/** `/embed`: the public map for an <iframe>: no header or sidebar, a compact legend and slider. */
export function EmbedShell({ url, setUrl }: RouteProps) {
  const { t } = useI18n();
  return (
    <div className="app app--embed">
      <main className="app__main">
        <MapLoader api={publicMapApi} url={url} setUrl={setUrl} variant="embed" />
      </main>
      <p className="embed-footer">
        <span>{t('public.note', { k: MIN_PUBLIC_COUNT })}</span>{' '}
        <a href={`/public${formatUrlState(url)}`} target="_blank" rel="noopener">
          {t('public.openFull')}
        </a>
      </p>
    </div>
  );
}
