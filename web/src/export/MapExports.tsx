import type { RefObject } from 'react';
import type { MapApi } from '../api/map-api';
import type { Filters, Hexagons } from '../api/types';
import { formatDuration } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import { viewBboxParam } from '../map/bbox';
import { type ColorScale, positionOnScale } from '../map/color-scale';
import type { UrlState } from '../url-state/url-state';
import { CsvExportDialog } from './CsvExportDialog';
import { downloadBlob, exportFileName } from './export-file-name';
import { hexagonsGeoJson } from './hexagons-geojson';
import { mapCaption } from './map-caption';
import { composeMapPng, type PngLegend } from './map-png';
import './export-csv-link.css';

export interface MapExportsProps {
  api: MapApi;
  metric: UrlState['metric'];
  filters: Filters;
  /** The window the map's data is for (the API's from/to). */
  settled: { from?: string; to?: string } | null;
  /** The visible area (west, south, east, north), once the map knows it. */
  bounds: [number, number, number, number] | undefined;
  /** The hexagons the map has loaded, as the API answered them. */
  hexagons: Hexagons | null;
  scale: ColorScale | undefined;
  /** The element holding the map (its MapLibre canvas is what the PNG shows). */
  mapRegion: RefObject<HTMLDivElement | null>;
  timeZone: string;
}

/** PNG, GeoJSON and (where the API has it) CSV exports of what the map shows. */
export function MapExports(props: MapExportsProps) {
  const translator = useI18n();
  const { t } = translator;
  const metricLabel = t(`metric.${props.metric}` as MessageKey);
  const caption = mapCaption(translator, metricLabel, props.filters, props.settled);
  const format = (value: number) =>
    props.metric === 'medianAnswer' ? formatDuration(value, translator) : translator.formatNumber(value);
  const { scale, hexagons, timeZone } = props;

  const savePng = async () => {
    const canvas = props.mapRegion.current?.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
    if (!canvas) return;
    const legend: PngLegend | null = scale
      ? {
          title: metricLabel,
          ticks: scale.ticks.map((tick) => ({ label: format(tick), at: positionOnScale(scale, tick) })),
        }
      : null;
    const blob = await composeMapPng(canvas, caption, legend, t('export.attribution'));
    downloadBlob(blob, exportFileName('png', Date.now(), timeZone));
  };

  const saveGeoJson = () => {
    if (!hexagons) return;
    const blob = new Blob([JSON.stringify(hexagonsGeoJson(hexagons))], { type: 'application/geo+json' });
    downloadBlob(blob, exportFileName('geojson', Date.now(), timeZone));
  };

  const query = { ...props.filters, ...props.settled };
  return (
    <div className="map-exports">
      <button type="button" className="export-button" title={t('export.pngHint')} onClick={savePng}>
        {t('export.png')}
      </button>
      <button
        type="button"
        className="export-button"
        title={t('export.geojsonHint')}
        disabled={!hexagons}
        onClick={saveGeoJson}
      >
        {t('export.geojson')}
      </button>
      {props.api.exportUrl && (
        <CsvExportDialog
          caption={caption}
          visibleHref={props.api.exportUrl({
            ...query,
            bbox: props.bounds ? viewBboxParam(props.bounds) : undefined,
          })}
          regionHref={props.api.exportUrl(query)}
        />
      )}
    </div>
  );
}
