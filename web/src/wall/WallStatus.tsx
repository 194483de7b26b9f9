import { useI18n } from '../i18n/i18n';
import type { ConnectionState } from './live-loop';
import type { Access } from './wall-client';

export interface WallStatusProps {
  connection: ConnectionState;
  access: Access;
  timeZone: string;
  /** The wall's anchor date when it replays old data. */
  anchored?: string;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** HH:MM in the region's zone (one formatter per locale and zone, made once). */
export function clockTime(ms: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = clocks.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(key, format);
  }
  return format.format(ms);
}

/** Live, or stale since the last data with no connection; and whose data it is. */
export function WallStatus({ connection, access, timeZone, anchored }: WallStatusProps) {
  const { t, locale } = useI18n();
  const since = connection.lastSuccessAt;
  const text =
    connection.status === 'stale' && since !== null
      ? t('wall.stale', { time: clockTime(since, locale, timeZone) })
      : connection.status === 'live' && since !== null
        ? t('wall.live', { time: clockTime(since, locale, timeZone) })
        : t('wall.connecting');
  return (
    <div className="wall-status">
      <p
        className={`wall-status__connection wall-status__connection--${connection.status}`}
        data-wall-status={connection.status}
        role="status"
      >
        <span className="wall-status__dot" aria-hidden="true" />
        {text}
      </p>
      {access === 'public' && (
        <p className="wall-status__note" data-wall-access="public">
          {t('wall.publicData')}
        </p>
      )}
      {anchored && <p className="wall-status__note">{t('wall.anchored', { date: anchored })}</p>}
    </div>
  );
}
