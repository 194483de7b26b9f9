import { ApiError } from '../api/http';
import type { MapApi } from '../api/map-api';
import { useRemote } from '../api/use-remote';
import { useI18n } from '../i18n/i18n';
import { LiveDemoBadge } from '../live/LiveDemoBadge';
import { useBasemap } from '../map/use-basemap';
import type { UrlState } from '../url-state/url-state';
import type { SetUrl } from '../url-state/use-url-state';
import { HeatMapScreen } from './HeatMapScreen';

export interface MapLoaderProps {
  api: MapApi;
  url: UrlState;
  setUrl: SetUrl;
  variant?: 'full' | 'embed';
  scope?: readonly string[];
}

/** The data every map needs first (meta, district shapes) from the given API, with loading and failure. */
export function MapLoader({ api, url, setUrl, variant, scope }: MapLoaderProps) {
  const { t } = useI18n();
  // Each shell mounts its loader with one API for the loader's life: the keys need not name it.
  const meta = useRemote('meta', (signal) => api.meta(signal));
  const districts = useRemote('districts', (signal) => api.districts({}, signal));
  const basemap = useBasemap(api.basemapPath);
  const failure = meta.error ?? districts.error;
  const retry = () => {
    meta.retry();
    districts.retry();
  };
  const apiDown = failure instanceof ApiError && (failure.status === 0 || failure.status >= 502);
  if (failure) {
    return (
      <div className="page-status page-status--error" role="alert">
        <p>{apiDown ? t('app.apiDown') : t('app.error', { message: failure.message })}</p>
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!meta.data || !districts.data || basemap === undefined) {
    return (
      <p className="page-status" role="status">
        {t('app.loading')}
      </p>
    );
  }
  return (
    <>
      {meta.data.liveDemo && <LiveDemoBadge />}
      <HeatMapScreen
        meta={meta.data}
        districts={districts.data}
        url={url}
        setUrl={setUrl}
        api={api}
        variant={variant}
        scope={scope}
        basemap={basemap}
      />
    </>
  );
}
