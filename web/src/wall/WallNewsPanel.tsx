import { cellToLatLng } from 'h3-js';
import { alertFigure, shortDay } from '../alerts/alert-format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import type { DistrictShape } from '../map/layers/district-layers';
import { districtAt } from '../summary/district-at';
import type { WallNews } from './wall-data';
import type { WallNewsKind } from './wall-news';
import './wall-news.css';

const KIND_LABEL: Record<WallNewsKind, MessageKey> = {
  new: 'wall.newHotspot',
  intensifying: 'wall.intensifyingHotspot',
  spike: 'wall.spike',
};

export interface WallNewsPanelProps {
  news: WallNews;
  /** The wall's today (YYYY-MM-DD): the spikes' day and the end of the weeks. */
  day: string;
  shapes: readonly DistrictShape[];
}

/**
 * The news step: new and intensifying hotspots and today's spikes, each numbered as its label on the
 * map and named in words (the kind, the place, a spike's category and figures), never by colour alone.
 */
export function WallNewsPanel({ news, day, shapes }: WallNewsPanelProps) {
  const translator = useI18n();
  const { t, locale } = translator;
  const placeOf = (h3: string) => {
    const [lat, lon] = cellToLatLng(h3);
    return districtAt(lon, lat, shapes)?.name ?? h3;
  };
  return (
    <section className="wall-panel wall-news" data-wall-step="news">
      <p className="wall-panel__kicker">{t('wall.news')}</p>
      <p className="wall-news__hint">
        {t('wall.newsHint', { weeks: news.weeks, day: shortDay(day, locale) })}
      </p>
      <ol className="wall-news__list">
        {news.items.map((item, index) => (
          <li key={`${item.kind}|${item.h3}|${item.alert?.categoryId ?? ''}`} data-wall-news={item.kind}>
            <span className="wall-news__number">{index + 1}</span>
            <div>
              <p className="wall-news__kind">
                {t(KIND_LABEL[item.kind])}
                {item.alert && <span className="wall-news__category"> · {item.alert.category}</span>}
              </p>
              <p className="wall-news__place">{item.place ?? placeOf(item.h3)}</p>
              {item.alert && <p className="wall-news__figure">{alertFigure(item.alert, translator)}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
