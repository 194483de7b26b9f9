import { resolutionForZoom } from '@heatmap/geo';
import { useCallback, useMemo, useRef, useState } from 'react';
import { AlertsPanel } from '../alerts/AlertsPanel';
import type { MapApi } from '../api/map-api';
import type { Districts, Meta } from '../api/types';
import { ZOOM_BEFORE_MAP } from '../boot/first-timeline';
import { DrillDownPanel } from '../drilldown/DrillDownPanel';
import type { LoadPage } from '../drilldown/use-message-pages';
import { MapExports } from '../export/MapExports';
import type { FilterKey } from '../filters/FilterPanel';
import { queryFilters } from '../filters/query-filters';
import { hotspotLegend } from '../hotspots/HotspotLegends';
import { EMERGING_LAYER_ID, GI_LAYER_ID } from '../hotspots/hotspot-layers';
import { useHotspotData } from '../hotspots/use-hotspot-data';
import { useI18n } from '../i18n/i18n';
import { basemapStyle } from '../map/basemap-style';
import { bboxContains, districtsBounds, paddedBbox } from '../map/bbox';
import type { HexTooltipProps } from '../map/HexTooltip';
import { DISTRICT_CHOROPLETH_LAYER_ID } from '../map/layers/district-layers';
import { HEX_LAYER_ID } from '../map/layers/hex-layer';
import { MapView, type MapViewport } from '../map/MapView';
import { mapStyle } from '../map/map-style';
import { cellCenter, cellPlace, initialViewFor, shapesOf } from '../map/screen-geometry';
import type { Basemap } from '../map/use-basemap';
import { useFrame } from '../map/use-frame';
import { useMapLayers } from '../map/use-map-layers';
import { useMapPicking } from '../map/use-map-picking';
import { PlacedTooltip } from '../places/PlacedTooltip';
import { PlaceSearch } from '../places/PlaceSearch';
import { SummaryBar } from '../summary/SummaryBar';
import { servedWindowLength } from '../timeline/served-window';
import { TimeSlider } from '../timeline/TimeSlider';
import { useWindowPlayback } from '../timeline/use-playback';
import type { UrlState } from '../url-state/url-state';
import { MapLegend, MapSidebar } from './MapSidebar';
import { MapStatus } from './MapStatus';
import { useScreenData } from './use-screen-data';
import './map-region.css';
import './screen.css';
import './screen-embed.css';

export interface HeatMapScreenProps {
  meta: Meta;
  districts: Districts;
  url: UrlState;
  setUrl(patch: Partial<UrlState>, options?: { push?: boolean }): void;
  /** Where the data comes from: the staff API or the public one. */
  api: MapApi;
  /** 'embed': the map, a compact legend and the slider only (for an iframe). Default 'full'. */
  variant?: 'full' | 'embed';
  /** A municipal user's districts (by name): the map opens on them, outlines them, filters within them. */
  scope?: readonly string[];
  /** The server's street basemap (absent or null: the offline outline map). */
  basemap?: Basemap;
}

const WHOLE_WORLD: [number, number, number, number] = [-180, -90, 180, 90];
const DATA_LAYER_IDS = [HEX_LAYER_ID, DISTRICT_CHOROPLETH_LAYER_ID, GI_LAYER_ID, EMERGING_LAYER_ID];

export function HeatMapScreen(props: HeatMapScreenProps) {
  const { meta, districts, setUrl, api, variant = 'full', scope } = props;
  // The link narrowed to what this API serves (the public one: months, one value per filter).
  const served = useMemo(() => api.servedUrl(props.url), [api, props.url]);
  const win = servedWindowLength(served.win, api.windowLengths);
  const url = win === served.win ? served : { ...served, win };
  const translator = useI18n();
  const { t } = translator;
  const timeZone = meta.timezone;
  const [viewport, setViewport] = useState<MapViewport | null>(null);
  // Opening on the whole region (no view in the link), the first request needs no bbox and need not
  // wait for the map: all cells are in view. After that, the loaded area follows the view.
  const [dataBbox, setDataBbox] = useState<[number, number, number, number] | null>(() =>
    url.lat === undefined ? WHOLE_WORLD : null,
  );
  const [playing, setPlaying] = useState(false);
  const [scrubbing, setScrubbing] = useState(false);
  const [speed, setSpeed] = useState(2);
  const [hover, setHover] = useState<HexTooltipProps | null>(null);
  const mapRegionRef = useRef<HTMLDivElement>(null);

  const res = Math.min(
    resolutionForZoom(viewport?.zoom ?? url.z ?? ZOOM_BEFORE_MAP),
    api.maxResolution ?? Number.POSITIVE_INFINITY,
  );
  const filters = useMemo(() => queryFilters(url), [url]);
  const filterKey = JSON.stringify(filters);
  const bboxParam = dataBbox === WHOLE_WORLD ? 'all' : dataBbox?.join(',');

  const onViewChange = useCallback(
    (next: MapViewport) => {
      setViewport(next);
      setDataBbox((loaded) =>
        loaded && bboxContains(loaded, next.bounds) ? loaded : paddedBbox(next.bounds),
      );
      setUrl({ lat: next.lat, lon: next.lon, z: next.zoom });
    },
    [setUrl],
  );

  const { timeline, cube, window, settled, settledKey, settling, hexagons, summary, choropleth } =
    useScreenData({ api, url, filters, res, bboxParam, timeZone, held: playing || scrubbing });

  const frame = useFrame(cube, window, url.cumulative, url.metric, hexagons.data);
  const embed = variant === 'embed';
  const hot = useHotspotData({ api, url, filters, res, settled, settledKey, hexagons, list: !embed });
  const modeLegend = hotspotLegend(url.mode, hot.emerging.data);

  const playback = { cube, window, playing, setPlaying, speed, setUrl, timeZone };
  const { setWindow, onPlayingChange } = useWindowPlayback(playback);

  const shapes = useMemo(() => shapesOf(districts), [districts]);
  const scopeKey = scope?.join(',') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: scopeKey stands for scope
  const outlined = useMemo(
    () => (scope?.length ? shapes.filter((shape) => scope.includes(shape.name)) : []),
    [shapes, scopeKey],
  );

  // District names wait until the map has drawn its data once (any mode's), so their font atlas and shaders
  // (~250 ms under software WebGL) come a frame after it; with no data (failed or empty timeline) at once.
  const [dataDrawn, setDataDrawn] = useState(false);
  const onLayersDrawn = useCallback((ids: readonly string[]) => {
    if (DATA_LAYER_IDS.some((id) => ids.includes(id))) setDataDrawn(true);
  }, []);
  const labels = dataDrawn || timeline.error !== null || cube?.cells.length === 0;
  const { layers, scale } = useMapLayers({
    url,
    frame,
    choropleth: choropleth.data,
    settledKey,
    shapes,
    outlined,
    labels,
    hotspots: hot.hotspots.data,
    emerging: hot.emerging.data,
  });

  const { onHover, onClick } = useMapPicking({
    translator,
    frame,
    choropleth: choropleth.data,
    shapes,
    setHover,
    onSelectCell: (cell) => setUrl({ cell }, { push: true }),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey and settledKey stand for filters and settled
  const loadPage: LoadPage = useCallback(
    (cursor, q, signal) =>
      api.cellMessages(
        url.cell ?? '',
        { ...filters, ...settled, cursor: cursor ?? undefined, q: q || undefined, limit: 50 },
        signal,
      ),
    [api, url.cell, filterKey, settledKey],
  );

  const closeDrillDown = () => {
    setUrl({ cell: undefined }, { push: true });
    mapRegionRef.current?.querySelector<HTMLElement>('.map-view')?.focus();
  };

  // Only the first view matters: the map owns the camera after that.
  const [initialView] = useState(() => initialViewFor(url, meta, scope));

  const style = useMemo(() => {
    const shapes = districts as Parameters<typeof basemapStyle>[1];
    return mapStyle(props.basemap ?? null, 'light', shapes, () =>
      basemapStyle(import.meta.env.VITE_MAP_STYLE_URL, shapes),
    );
  }, [districts, props.basemap]);

  // Choosing districts in the filter (not opening a link) flies to them.
  const [focusBounds, setFocusBounds] = useState<[number, number, number, number] | null>(null);
  const [focusCenter, setFocusCenter] = useState<{ lon: number; lat: number } | null>(null);
  const onSelectHotspot = (cell: string) => {
    setUrl({ cell }, { push: true });
    setFocusCenter(cellCenter(cell));
  };
  const onFilterChange = (key: FilterKey, values: string[]) => {
    setUrl({ [key]: values });
    if (key !== 'district' || values.length === 0) return;
    setFocusBounds(districtsBounds(meta.districts, values));
  };
  // A spike opens as a hotspot does (the link's cell), on its day, and the camera flies to it.
  const openAlert = (patch: Partial<UrlState>, bounds: [number, number, number, number]) => {
    setUrl(patch, { push: true });
    setFocusBounds(bounds);
  };

  const cellIndex = url.cell && cube ? cube.cells.indexOf(url.cell) : -1;
  // Nothing for the filters at all, or nothing in the window being shown: say so rather than show a bare map.
  const empty =
    cube !== null &&
    (cube.totals.every((total) => total === 0) || frame?.counts.every((count) => count === 0));
  const remotes = [timeline, hexagons, summary, choropleth, hot];
  const error = remotes.find((remote) => remote.error)?.error ?? null;
  const retry = () => {
    for (const remote of remotes) remote.retry();
  };
  const loading =
    !cube || settling || !hexagons.data || [timeline, hexagons, summary, hot].some((r) => r.loading);
  const exports = (
    <MapExports
      {...{ api, filters, settled, scale, timeZone }}
      metric={url.metric}
      bounds={viewport?.bounds}
      hexagons={hexagons.data}
      mapRegion={mapRegionRef}
    />
  );

  return (
    <div className={embed ? 'screen screen--embed' : 'screen'}>
      {!embed && <SummaryBar summary={summary.data} loading={summary.loading} />}
      {!embed && (
        <MapSidebar
          meta={meta}
          url={url}
          setUrl={setUrl}
          onFilterChange={onFilterChange}
          scale={scale}
          summary={summary.data}
          shapes={shapes}
          scope={scope}
          timeZone={timeZone}
          windowStartMs={cube?.edges[window.start] ?? Date.now()}
          exports={exports}
          singleFilters={api.oneValuePerFilter}
          alerts={api.alerts && <AlertsPanel load={api.alerts} meta={meta} url={url} onOpen={openAlert} />}
          hotspots={hot.items}
          mapModes={hot.modes}
          modeLegend={modeLegend}
          onSelectHotspot={onSelectHotspot}
        />
      )}
      <div className="map-region" ref={mapRegionRef} data-loading={loading}>
        <MapView
          style={style}
          initialView={initialView}
          layers={layers}
          onViewChange={onViewChange}
          onHover={onHover}
          onClick={onClick}
          ariaLabel={t('app.title')}
          pitch={url.extrude && url.mode === 'hexagons' ? 45 : 0}
          focusBounds={focusBounds}
          focusCenter={focusCenter}
          maxZoom={api.maxZoom}
          onLayersDrawn={onLayersDrawn}
        />
        {!embed && <PlaceSearch search={api.searchPlaces} onChoose={(bounds) => setFocusBounds(bounds)} />}
        {hover && <PlacedTooltip {...{ hover, api, filters, settled }} />}
        {embed && <div className="embed-legend">{modeLegend ?? <MapLegend scale={scale} url={url} />}</div>}
        <MapStatus
          loading={timeline.loading || (!cube && !error)}
          empty={empty === true && !timeline.loading}
          error={error}
          onRetry={retry}
        />
        {url.cell && (
          <DrillDownPanel
            key={url.cell}
            cell={url.cell}
            place={cellPlace(url.cell, shapes)}
            total={cellIndex >= 0 ? frame?.counts[cellIndex] : undefined}
            loadPage={loadPage}
            timeZone={timeZone}
            searchable={api.textSearch}
            {...(api.groupMinimum ? { groupMinimum: api.groupMinimum } : {})}
            onClose={closeDrillDown}
          />
        )}
      </div>
      {cube && cube.bucketCount > 0 && (
        <TimeSlider
          totals={cube.totals}
          edges={cube.edges}
          window={window}
          onWindowChange={setWindow}
          playing={playing}
          onPlayingChange={onPlayingChange}
          speed={speed}
          onSpeedChange={setSpeed}
          windowLength={url.win}
          onWindowLengthChange={(win) => setUrl({ win, to: undefined })}
          windowLengths={api.windowLengths}
          cumulative={url.cumulative}
          onCumulativeChange={(cumulative) => setUrl({ cumulative })}
          timeZone={timeZone}
          onScrubbingChange={setScrubbing}
        />
      )}
    </div>
  );
}
