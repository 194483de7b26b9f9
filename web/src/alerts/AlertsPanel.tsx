import { useId, useState } from 'react';
import type { Alerts, AlertsQuery, Meta } from '../api/types';
import { useRemote } from '../api/use-remote';
import { useI18n } from '../i18n/i18n';
import type { UrlState } from '../url-state/url-state';
import type { Bounds } from '../wall/focus-bounds';
import { alertFocusBounds, alertView } from './alert-focus';
import { alertFigure, shortDay } from './alert-format';
import { latestAlertDay } from './alerts-day';
import { Sparkline } from './Sparkline';
import './alerts.css';

export interface AlertsPanelProps {
  load(query: AlertsQuery, signal: AbortSignal): Promise<Alerts>;
  /** Its zone and newest message: the panel opens on that day (latestAlertDay) and offers none later. */
  meta: Pick<Meta, 'timezone' | 'extent'>;
  /**
   * The map's district filter, passed through (a municipal account's scope is the server's), and the open
   * cell, marked in the list.
   */
  url: Pick<UrlState, 'district' | 'cell'>;
  /**
   * Opens a spike: the link patched to its cell and day (alertView: the drill-down lists its messages), the
   * map flying to the box given (alertFocusBounds: cells of the spike's resolution in view).
   */
  onOpen(patch: Partial<UrlState>, bounds: Bounds): void;
}

/** "Всплески": the cells and categories with far more messages than usual on a day, smallest p first. */
export function AlertsPanel({ load, meta, url, onOpen }: AlertsPanelProps) {
  const translator = useI18n();
  const { t, locale } = translator;
  const [latestDay] = useState(() => latestAlertDay(meta, Date.now()));
  const [day, setDay] = useState(latestDay);
  const district = url.district.length > 0 ? url.district.join(',') : undefined;
  // Each answer carries its day: the last one stays on screen while the next day loads.
  const alerts = useRemote(`${day}|${district ?? ''}`, (signal) =>
    load({ day, district }, signal).then((list) => ({ day, list })),
  );
  const shown = alerts.data;
  const titleId = useId();

  return (
    <section className="alerts" aria-labelledby={titleId} aria-busy={alerts.loading}>
      <div className="alerts__head">
        <h2 id={titleId}>{t('alerts.label')}</h2>
        <label className="alerts__day">
          <span className="visually-hidden">{t('alerts.day')}</span>
          <input
            type="date"
            value={day}
            max={latestDay}
            required
            onChange={(event) => {
              if (event.target.value) setDay(event.target.value);
            }}
          />
        </label>
      </div>
      <p className="alerts__hint">{t('alerts.hint')}</p>
      {alerts.error && (
        <p className="alerts__error" role="alert">
          {t('alerts.error')}{' '}
          <button type="button" className="link-button" onClick={alerts.retry}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {shown && shown.list.length === 0 && (
        <p className="alerts__none" role="status">
          {t('alerts.none', { day: shortDay(shown.day, locale) })}
        </p>
      )}
      {shown && shown.list.length > 0 && (
        <ol className="alerts__list" data-alerts-day={shown.day}>
          {shown.list.map((alert) => (
            <li key={`${alert.h3}|${alert.categoryId}`}>
              <button
                type="button"
                className="alerts__item"
                aria-pressed={url.cell === alert.h3}
                data-alert-cell={alert.h3}
                onClick={() => onOpen(alertView(alert.h3, shown.day), alertFocusBounds(alert.h3))}
              >
                <span className="alerts__category">{alert.category}</span>
                <span className="alerts__place">{alert.place ?? alert.district ?? alert.h3}</span>
                <span className="alerts__figure">{alertFigure(alert, translator)}</span>
                <Sparkline series={alert.series} expected={alert.expected} day={shown.day} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
