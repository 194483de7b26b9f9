import { cellToLatLng } from 'h3-js';
import { useMemo } from 'react';
import type { Summary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { DistrictShape } from '../map/layers/district-layers';
import { districtAt } from './district-at';
import './hotspots.css';

export interface HotspotsProps {
  summary: Summary | null;
  districts: readonly DistrictShape[];
  selectedCell?: string;
  onSelectCell(cell: string): void;
}

/** The busiest cells and categories of the window: where to look first. */
export function Hotspots({ summary, districts, selectedCell, onSelectCell }: HotspotsProps) {
  const { t, formatNumber } = useI18n();
  const cells = useMemo(
    () =>
      (summary?.topCells ?? []).map((cell) => {
        const [lat, lon] = cellToLatLng(cell.h3);
        return { ...cell, district: districtAt(lon, lat, districts)?.name };
      }),
    [summary, districts],
  );
  if (!summary || (cells.length === 0 && summary.topCategories.length === 0)) return null;
  return (
    <section className="hotspots" aria-label={t('hotspots.label')}>
      <h2>{t('hotspots.cells')}</h2>
      <ol>
        {cells.map((cell) => (
          <li key={cell.h3}>
            <button
              type="button"
              className="hotspots__cell"
              aria-pressed={selectedCell === cell.h3}
              onClick={() => onSelectCell(cell.h3)}
            >
              <span>{cell.district ?? cell.h3}</span>
              <span className="hotspots__count">{formatNumber(cell.count)}</span>
            </button>
          </li>
        ))}
      </ol>
      <h2>{t('hotspots.categories')}</h2>
      <ol>
        {summary.topCategories.map((category) => (
          <li key={category.id} className="hotspots__category">
            <span>{category.name}</span>
            <span className="hotspots__count">{formatNumber(category.count)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
