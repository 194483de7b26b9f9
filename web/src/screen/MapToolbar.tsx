import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import { MAP_MODES, type MapMode, METRICS, type UrlState } from '../url-state/url-state';
import './map-toolbar.css';

export interface MapToolbarProps {
  url: UrlState;
  setUrl(patch: Partial<UrlState>): void;
  /** The map modes this audience's API serves (the public map has no emerging mode). */
  modes?: readonly MapMode[];
}

/** Metric, map mode and 3D: radio groups, so arrow keys move between the choices. */
export function MapToolbar({ url, setUrl, modes = MAP_MODES }: MapToolbarProps) {
  const { t } = useI18n();
  return (
    <div className="toolbar">
      <fieldset className="segmented">
        <legend>{t('metric.label')}</legend>
        {METRICS.map((metric) => (
          <label key={metric}>
            <input
              type="radio"
              name="metric"
              value={metric}
              checked={url.metric === metric}
              onChange={() => setUrl({ metric })}
            />
            <span>{t(`metric.${metric}` as MessageKey)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend>{t('view.label')}</legend>
        {modes.map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={url.mode === mode}
              onChange={() => setUrl({ mode })}
            />
            <span>{t(`view.${mode}` as MessageKey)}</span>
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            checked={url.extrude}
            disabled={url.mode !== 'hexagons'}
            onChange={(event) => setUrl({ extrude: event.target.checked })}
          />
          <span>{t('view.extrude')}</span>
        </label>
      </fieldset>
    </div>
  );
}
