import type { ReactNode } from 'react';
import type { Emerging } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MapMode } from '../url-state/url-state';
import { EMERGING_CLASSES, emergingKey, emergingStyle, glyphColor } from './emerging-classes';
import { cssColor, GI_BINS, giBinKey, giColor } from './gi-palette';
import '../map/legend.css';
import './hotspot-legend.css';

/** The Gi* map's key: seven classes, hot to cold, each a swatch of the colour the map paints and its meaning. */
export function GiLegend() {
  const { t } = useI18n();
  return (
    <figure className="legend hotspot-legend" aria-label={t('gi.title')}>
      <figcaption className="legend__title">
        {t('gi.title')}
        <span className="hotspot-legend__note">{t('gi.note')}</span>
      </figcaption>
      <ul className="hotspot-legend__items">
        {GI_BINS.map((bin) => (
          <li key={bin} data-bin={bin}>
            <span
              className="hotspot-legend__swatch"
              data-color={giColor(bin).join(',')}
              style={{ background: cssColor(giColor(bin)) }}
              aria-hidden="true"
            />
            {t(giBinKey(bin))}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * The emerging map's key: the classes present in the answer, each with its colour and the glyph the map draws
 * in the cell (the glyph tells the classes apart without colour).
 */
export function EmergingLegend({ answer }: { answer: Emerging | null }) {
  const { t } = useI18n();
  if (!answer) return null;
  const present = new Set(answer.cells.map((cell) => cell.class));
  const classes = EMERGING_CLASSES.filter((name) => present.has(name));
  return (
    <figure className="legend hotspot-legend" aria-label={t('emerging.title', { steps: answer.steps })}>
      <figcaption className="legend__title">
        {t('emerging.title', { steps: answer.steps })}
        <span className="hotspot-legend__note">{t('emerging.note')}</span>
      </figcaption>
      <ul className="hotspot-legend__items">
        {classes.map((name) => {
          const style = emergingStyle(name);
          return (
            <li key={name} data-class={name}>
              <span
                className="hotspot-legend__swatch hotspot-legend__swatch--glyph"
                style={{ background: cssColor(style.color), color: cssColor(glyphColor(style.color)) }}
                aria-hidden="true"
              >
                {style.glyph}
              </span>
              {t(emergingKey(name))}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

/** The legend of a hotspot mode; undefined in the other modes, which show the metric's scale. */
export function hotspotLegend(mode: MapMode, emerging: Emerging | null): ReactNode | undefined {
  if (mode === 'gi') return <GiLegend />;
  if (mode === 'emerging') return <EmergingLegend answer={emerging} />;
  return undefined;
}
