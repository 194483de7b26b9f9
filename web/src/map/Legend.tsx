import { useI18n } from '../i18n/i18n';
import { type ColorScale, positionOnScale, VIRIDIS } from './color-scale';
import './legend.css';

export interface LegendProps {
  scale: ColorScale;
  title: string;
  /** Formats a tick (a count, or minutes as a duration). */
  formatValue(value: number): string;
}

const GRADIENT = `linear-gradient(to right, ${VIRIDIS.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(', ')})`;

export function Legend({ scale, title, formatValue }: LegendProps) {
  const { t } = useI18n();
  return (
    <figure className="legend" aria-label={t('legend.title', { metric: title })}>
      <figcaption className="legend__title">{title}</figcaption>
      <div className="legend__bar" style={{ background: GRADIENT }} />
      <ol className="legend__ticks">
        {scale.ticks.map((tick) => (
          <li key={tick} style={{ left: `${positionOnScale(scale, tick) * 100}%` }}>
            {formatValue(tick)}
          </li>
        ))}
      </ol>
    </figure>
  );
}
