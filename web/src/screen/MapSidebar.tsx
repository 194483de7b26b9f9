import { type ReactNode, useMemo } from 'react';
import type { Meta, Summary } from '../api/types';
import { type FilterKey, FilterPanel } from '../filters/FilterPanel';
import { filterOptions } from '../filters/filter-options';
import type { HotspotListItem } from '../hotspots/hotspot-list';
import { formatDuration, zoneLabel } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import type { ColorScale } from '../map/color-scale';
import { Legend } from '../map/Legend';
import type { DistrictShape } from '../map/layers/district-layers';
import { Hotspots } from '../summary/Hotspots';
import type { MapMode, UrlState } from '../url-state/url-state';
import type { SetUrl } from '../url-state/use-url-state';
import { MapToolbar } from './MapToolbar';
import './map-sidebar.css';

export function MapLegend({ scale, url }: { scale: ColorScale | undefined; url: UrlState }) {
  const translator = useI18n();
  if (!scale) return null;
  return (
    <Legend
      scale={scale}
      title={translator.t(`metric.${url.metric}` as MessageKey)}
      formatValue={(value) =>
        url.metric === 'medianAnswer' ? formatDuration(value, translator) : translator.formatNumber(value)
      }
    />
  );
}

export interface MapSidebarProps {
  meta: Meta;
  url: UrlState;
  setUrl: SetUrl;
  onFilterChange(key: FilterKey, values: string[]): void;
  scale: ColorScale | undefined;
  summary: Summary | null;
  shapes: DistrictShape[];
  /** A municipal user's districts: the district filter offers only these. */
  scope?: readonly string[];
  timeZone: string;
  /** When the shown window starts (ms): the zone's offset can differ across the year. */
  windowStartMs: number;
  /** The exports of the view (PNG, GeoJSON; CSV for staff). */
  exports?: ReactNode;
  /** One value per filter (the public map). */
  singleFilters?: boolean;
  /** The spikes panel (staff: the public API has no alerts), below the hotspots. */
  alerts?: ReactNode;
  /** The hotspot list, the map modes offered, the hotspot modes' legend and a list click (flies and opens). */
  hotspots: readonly HotspotListItem[] | null;
  mapModes: readonly MapMode[];
  modeLegend?: ReactNode;
  onSelectHotspot(cell: string): void;
}

/** Filters, metric and view switches, legend, hotspots: the column beside the map. */
export function MapSidebar(props: MapSidebarProps) {
  const { meta, url, setUrl, scope } = props;
  const { t } = useI18n();
  const scopeKey = scope?.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: scopeKey stands for scope
  const options = useMemo(() => {
    const all = filterOptions(meta, t);
    if (!scope?.length) return all;
    return { ...all, district: all.district.filter((option) => scope.includes(option.value)) };
  }, [meta, t, scopeKey]);
  return (
    <aside className="sidebar">
      <FilterPanel
        options={options}
        selected={{ cat: url.cat, src: url.src, status: url.status, district: url.district }}
        onChange={props.onFilterChange}
        {...(props.singleFilters ? { single: true } : {})}
      />
      {props.exports}
      <MapToolbar url={url} setUrl={setUrl} modes={props.mapModes} />
      {props.modeLegend ?? <MapLegend scale={props.scale} url={url} />}
      <Hotspots
        summary={props.summary}
        hotspots={props.hotspots}
        districts={props.shapes}
        selectedCell={url.cell}
        onSelectCell={props.onSelectHotspot}
      />
      {props.alerts}
      <p className="zone">{t('app.timeZone', { zone: zoneLabel(props.timeZone, props.windowStartMs) })}</p>
    </aside>
  );
}
