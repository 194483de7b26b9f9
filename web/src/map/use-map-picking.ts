import type { PickingInfo } from '@deck.gl/core';
import { cellToLatLng } from 'h3-js';
import { useCallback, useRef } from 'react';
import type { Districts, EmergingCell, HotspotMapCell } from '../api/types';
import { EMERGING_LAYER_ID, GI_LAYER_ID } from '../hotspots/hotspot-layers';
import { emergingTooltipLines, giTooltipLines } from '../hotspots/hotspot-tooltip';
import type { Translator } from '../i18n/i18n';
import { districtAt } from '../summary/district-at';
import type { HexTooltipProps } from './HexTooltip';
import type { DistrictShape } from './layers/district-layers';
import { HEX_LAYER_ID } from './layers/hex-layer';
import type { Frame } from './use-frame';

export interface MapPickingInput {
  frame: Frame | null;
  choropleth: Districts | null;
  shapes: readonly DistrictShape[];
  setHover(hover: HexTooltipProps | null): void;
  onSelectCell(cell: string): void;
  translator: Translator;
}

/**
 * Hover (tooltip with the cell's district, count, open, median; on the hotspot maps its bin or class) and click
 * (open the drill-down).
 */
export function useMapPicking({
  frame,
  choropleth,
  shapes,
  setHover,
  onSelectCell,
  translator,
}: MapPickingInput) {
  const select = useRef(onSelectCell);
  select.current = onSelectCell;

  const onHover = useCallback(
    (info: PickingInfo) => {
      if (info.index < 0 || !info.layer) return setHover(null);
      if (info.layer.id === GI_LAYER_ID || info.layer.id === EMERGING_LAYER_ID) {
        const cell = info.object as HotspotMapCell | EmergingCell;
        const [lat, lon] = cellToLatLng(cell.h3);
        const lines =
          'class' in cell ? emergingTooltipLines(cell, translator) : giTooltipLines(cell, translator);
        return setHover({
          x: info.x,
          y: info.y,
          title: ('place' in cell && cell.place) || (districtAt(lon, lat, shapes)?.name ?? cell.h3),
          code: cell.h3,
          lines,
        });
      }
      if (!frame) return setHover(null);
      if (info.layer.id === HEX_LAYER_ID) {
        const cell = frame.hex.cells[info.index];
        const count = frame.counts[info.index] ?? 0;
        if (!cell || count <= 0) return setHover(null);
        const metrics = frame.byCell.get(cell);
        const [lat, lon] = cellToLatLng(cell);
        return setHover({
          x: info.x,
          y: info.y,
          title: districtAt(lon, lat, shapes)?.name ?? cell,
          code: cell,
          count,
          open: metrics?.open ?? undefined,
          medianAnswerMinutes: metrics ? metrics.medianAnswerMinutes : undefined,
        });
      }
      if (info.layer.id === 'district-choropleth') {
        const name = (info.object as { properties: { name: string } }).properties.name;
        const p = choropleth?.features.find((item) => item.properties.name === name)?.properties;
        // A district the public API withholds shows no tooltip rather than a made-up number.
        if (!p || p.count === null) return setHover(null);
        return setHover({
          x: info.x,
          y: info.y,
          title: p.name,
          count: p.count,
          open: p.open ?? undefined,
          medianAnswerMinutes: p.medianAnswerMinutes,
        });
      }
      setHover(null);
    },
    [frame, choropleth, shapes, setHover, translator],
  );

  const onClick = useCallback(
    (info: PickingInfo) => {
      const layer = info.layer?.id;
      if (info.index >= 0 && (layer === GI_LAYER_ID || layer === EMERGING_LAYER_ID)) {
        // A staff Gi* cell with no messages has nothing to list; public and emerging cells do not say.
        const cell = info.object as HotspotMapCell | EmergingCell;
        if (!('count' in cell) || (cell.count ?? 0) > 0) select.current(cell.h3);
        return;
      }
      if (!frame || layer !== HEX_LAYER_ID || info.index < 0) return;
      const cell = frame.hex.cells[info.index];
      if (cell && (frame.counts[info.index] ?? 0) > 0) select.current(cell);
    },
    [frame],
  );

  return { onHover, onClick };
}
