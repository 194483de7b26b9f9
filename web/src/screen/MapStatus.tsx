import { useI18n } from '../i18n/i18n';
import './map-status.css';

export interface MapStatusProps {
  loading: boolean;
  /** Nothing for the filters, or nothing in the window shown. */
  empty: boolean;
  error: Error | null;
  onRetry(): void;
}

/** Loading, empty and error notices over the map. */
export function MapStatus({ loading, empty, error, onRetry }: MapStatusProps) {
  const { t } = useI18n();
  return (
    <>
      {loading && (
        <p className="map-status" role="status">
          {t('app.loading')}
        </p>
      )}
      {empty && (
        <p className="map-status map-status--empty" role="status">
          {t('app.empty')}
        </p>
      )}
      {error && (
        <div className="map-status map-status--error" role="alert">
          <p>{t('app.error', { message: error.message })}</p>
          <button type="button" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </div>
      )}
    </>
  );
}
