import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { useMemo } from 'react';
import type { Districts, Emerging, HotspotMap } from '../api/types';
import {
  emergingGlyphProps,
  emergingGlyphs,
  emergingLayerProps,
  giLayerProps,
} from '../hotspots/hotspot-layers';
import type { UrlState } from '../url-state/url-state';
import { type ColorScale, createColorScale } from './color-scale';
import { cellOutlineProps } from './layers/cell-outline-layer';
import { type DistrictShape, districtChoroplethProps, districtLabelProps } from './layers/district-layers';
import { hexLayerProps } from './layers/hex-layer';
import type { Frame } from './use-frame';

export interface MapLayersInput {
  url: UrlState;
  frame: Frame | null;
  choropleth: Districts | null;
  settledKey: string | null;
  shapes: DistrictShape[];
  /** Districts outlined on top of everything: a municipal user's own. */
  outlined?: readonly DistrictShape[];
  /** Whether to draw the district names (held back until the data has been drawn once: see HeatMapScreen). */
  labels?: boolean;
  /** The Gi* answer (drawn in the 'gi' mode) and the emerging one (in the 'emerging' mode). */
  hotspots?: HotspotMap | null;
  emerging?: Emerging | null;
}

const NO_SHAPES: readonly DistrictShape[] = [];

/** The deck.gl layers for the current state: hexagons or the district choropleth, the selected cell, labels. */
export function useMapLayers({
  url,
  frame,
  choropleth,
  settledKey,
  shapes,
  outlined = NO_SHAPES,
  labels = true,
  hotspots = null,
  emerging = null,
}: MapLayersInput): {
  layers: (H3HexagonLayer | GeoJsonLayer | TextLayer)[];
  scale: ColorScale | undefined;
} {
  const choroplethData = choropleth;
  const choroplethScale = useMemo(() => {
    const values = (choroplethData?.features ?? []).map((feature) => {
      const p = feature.properties;
      const value = url.metric === 'count' ? p.count : url.metric === 'open' ? p.open : p.medianAnswerMinutes;
      return value ?? 0;
    });
    const median = url.metric === 'medianAnswer';
    return createColorScale(Math.max(0, ...values), median ? 'linear' : 'sqrt', { integer: !median });
  }, [choroplethData, url.metric]);
  const scale =
    url.mode === 'districts' ? choroplethScale : url.mode === 'hexagons' ? frame?.scale : undefined;

  // Glyph positions per answer, not per render: a new answer lays the glyphs out again, nothing else does.
  const glyphs = useMemo(() => (emerging ? emergingGlyphs(emerging.cells) : []), [emerging]);

  // Label data keeps its identity across frames, so the text layer is not laid out again per frame.
  const labelProps = useMemo(() => districtLabelProps(shapes, url.mode === 'districts'), [shapes, url.mode]);

  const layers = useMemo(() => {
    const list = [];
    if (url.mode === 'gi') {
      if (hotspots) list.push(new H3HexagonLayer(giLayerProps(hotspots.cells)));
    } else if (url.mode === 'emerging') {
      if (emerging) {
        list.push(new H3HexagonLayer(emergingLayerProps(emerging.cells)));
        list.push(new TextLayer(emergingGlyphProps(glyphs)));
      }
    } else if (url.mode === 'districts' && choroplethData) {
      const values = choroplethData.features.map((feature) => {
        const p = feature.properties;
        const value =
          url.metric === 'count' ? p.count : url.metric === 'open' ? p.open : p.medianAnswerMinutes;
        return {
          id: feature.id,
          name: p.name,
          coordinates: feature.geometry.coordinates,
          value: value ?? Number.NaN,
        };
      });
      list.push(
        new GeoJsonLayer(districtChoroplethProps(values, choroplethScale, `${url.metric}|${settledKey}`)),
      );
    } else if (frame) {
      list.push(
        new H3HexagonLayer(
          hexLayerProps({ frame: frame.hex, metric: url.metric, scale: frame.scale, extrude: url.extrude }),
        ),
      );
    }
    if (url.cell) {
      list.push(
        new H3HexagonLayer(
          cellOutlineProps({ id: 'selected-cell', cell: url.cell, color: [230, 57, 70, 255], width: 4 }),
        ),
      );
    }
    if (outlined.length > 0) list.push(new GeoJsonLayer(outlineProps(outlined)));
    if (labels) list.push(new TextLayer(labelProps));
    return list;
  }, [
    url.mode,
    url.metric,
    url.extrude,
    url.cell,
    choroplethData,
    choroplethScale,
    settledKey,
    frame,
    labelProps,
    labels,
    outlined,
    hotspots,
    emerging,
    glyphs,
  ]);

  return { layers, scale };
}

/** A thick outline around the given districts, drawn over the hexagons so the own area reads at a glance. */
function outlineProps(districts: readonly DistrictShape[]) {
  return {
    id: 'scope-outline',
    data: districts.map((district) => ({
      type: 'Feature' as const,
      properties: { name: district.name },
      geometry: { type: 'MultiPolygon' as const, coordinates: district.coordinates },
    })),
    filled: false,
    stroked: true,
    getLineColor: [214, 40, 57, 255] as [number, number, number, number],
    lineWidthUnits: 'pixels' as const,
    getLineWidth: 3,
    pickable: false,
  };
}
