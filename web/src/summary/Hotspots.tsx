import { cellToLatLng } from 'h3-js';
import { useMemo } from 'react';
import type { Summary } from '../api/types';
import type { HotspotListItem } from '../hotspots/hotspot-list';
import { useI18n } from '../i18n/i18n';
import type { DistrictShape } from '../map/layers/district-layers';
import { districtAt } from './district-at';
import './hotspots.css';

export interface HotspotsProps {
  summary: Summary | null;
  /** The significant hot spots (hotspot-list), strongest first; null while the Gi* answer loads. */
  hotspots: readonly HotspotListItem[] | null;
  districts: readonly DistrictShape[];
  selectedCell?: string;
  onSelectCell(cell: string): void;
}

/**
 * Where to look first: the statistically significant hot spots of the window (Gi*, not merely the busiest
 * cells, which are always the dense centre) with their place and count, and the top categories.
 */
export function Hotspots({ summary, hotspots, districts, selectedCell, onSelectCell }: HotspotsProps) {
  const { t, formatNumber } = useI18n();
  const cells = useMemo(
    () =>
      (hotspots ?? []).map((cell) => {
        if (cell.place) return { ...cell, name: cell.place };
        // Without a place from the API (public, or no address), the district the cell's centre lies in.
        const [lat, lon] = cellToLatLng(cell.h3);
        return { ...cell, name: districtAt(lon, lat, districts)?.name ?? cell.h3 };
      }),
    [hotspots, districts],
  );
  if (!hotspots && !summary) return null;
  return (
    <section className="hotspots" aria-label={t('hotspots.label')}>
      <h2>{t('hotspots.cells')}</h2>
      {hotspots && cells.length === 0 && <p className="hotspots__none">{t('hotspots.none')}</p>}
      <ol>
        {cells.map((cell) => (
          <li key={cell.h3}>
            <button
              type="button"
              className="hotspots__cell"
              aria-pressed={selectedCell === cell.h3}
              onClick={() => onSelectCell(cell.h3)}
            >
              <span>{cell.name}</span>
              {cell.count !== undefined && (
                <span className="hotspots__count">{formatNumber(cell.count)}</span>
              )}
            </button>
          </li>
        ))}
      </ol>
      {summary && summary.topCategories.length > 0 && (
        <>
          <h2>{t('hotspots.categories')}</h2>
          <ol>
            {summary.topCategories.map((category) => (
              <li key={category.id} className="hotspots__category">
                <span>{category.name}</span>
                <span className="hotspots__count">{formatNumber(category.count)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
