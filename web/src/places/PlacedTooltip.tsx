import type { MapApi } from '../api/map-api';
import type { CellMessagesQuery } from '../api/types';
import { HexTooltip, type HexTooltipProps } from '../map/HexTooltip';
import { useHoverPlace } from './use-hover-place';

export interface PlacedTooltipProps {
  hover: HexTooltipProps;
  api: Pick<MapApi, 'cellMessages'>;
  /** The map's filters and settled window: the cell's answer is asked for under them. */
  filters: CellMessagesQuery;
  settled: CellMessagesQuery | null;
}

/** The map's tooltip, titled with the hovered cell's place ("district, street") once its answer is known. */
export function PlacedTooltip({ hover, api, filters, settled }: PlacedTooltipProps) {
  const query = { ...filters, ...settled };
  const place = useHoverPlace(hover.code, api, query, JSON.stringify(query));
  return <HexTooltip {...hover} title={place ?? hover.title} />;
}
