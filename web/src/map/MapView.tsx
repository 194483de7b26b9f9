import type { LayersList, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import maplibregl, { type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useLayoutEffect, useRef } from 'react';
import './map-view.css';

export interface MapViewport {
  lat: number;
  lon: number;
  zoom: number;
  /** west, south, east, north */
  bounds: [number, number, number, number];
}

export interface MapViewProps {
  style: string | StyleSpecification;
  initialView: { lat: number; lon: number; zoom: number } | { bounds: [number, number, number, number] };
  layers: LayersList;
  onViewChange(viewport: MapViewport): void;
  onHover?(info: PickingInfo): void;
  onClick?(info: PickingInfo): void;
  ariaLabel: string;
  /** Camera tilt in degrees: the 3D view tilts so column heights can be read. */
  pitch?: number;
  /** When this changes to a box, the camera flies to fit it (west, south, east, north). */
  focusBounds?: [number, number, number, number] | null;
  /** When this changes to a point, the camera flies there at the same zoom (the same cells stay drawn). */
  focusCenter?: { lon: number; lat: number } | null;
  /** The closest zoom allowed (the public map stops where its capped cells would fill the screen). */
  maxZoom?: number;
  /** After a frame that drew a different set of deck.gl layers than the one before: their ids. */
  onLayersDrawn?(layerIds: readonly string[]): void;
}

function readViewport(map: maplibregl.Map): MapViewport {
  const center = map.getCenter();
  const bounds = map.getBounds();
  return {
    lat: center.lat,
    lon: center.lng,
    zoom: map.getZoom(),
    bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
  };
}

function hasAttribution(style: string | StyleSpecification): boolean {
  if (typeof style === 'string') return true;
  return Object.values(style.sources).some((source) => 'attribution' in source && source.attribution);
}

/**
 * MapLibre with deck.gl drawn *interleaved* into MapLibre's own WebGL context: one canvas, one
 * depth buffer (3D columns sit correctly among map layers), one frame loop, and one image for a
 * screenshot or a pixel check. The overlay-canvas alternative costs a second context for nothing here.
 *
 * The container reports progress in data attributes so browser tests and the benchmark can wait
 * for a drawn frame rather than sleep: `data-frames` (deck.gl draws so far), `data-drawn-layers`
 * (the ids of the deck.gl layers the latest drawing frame drew, space-separated), `data-idle`.
 */
export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  // The map is created once; later layer changes go through setProps below.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { initialView } = callbacks.current;
    const map = new maplibregl.Map({
      container,
      style: callbacks.current.style,
      ...('bounds' in initialView
        ? { bounds: initialView.bounds, fitBoundsOptions: { padding: 24 } }
        : { center: [initialView.lon, initialView.lat], zoom: initialView.zoom }),
      attributionControl: false,
      maxZoom: callbacks.current.maxZoom,
      dragRotate: false,
      pitchWithRotate: false,
      canvasContextAttributes: { antialias: false, preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // A tiled basemap's licence (OpenStreetMap's ODbL) must be shown; the offline outlines need none.
    if (hasAttribution(callbacks.current.style)) {
      map.addControl(new maplibregl.AttributionControl({ compact: false }), 'bottom-right');
    }
    map.keyboard.enable();
    let frames = 0;
    let drawing = new Set<string>();
    const overlay = new MapboxOverlay({
      interleaved: true,
      layers: callbacks.current.layers,
      // deck.gl asks this for each top-level layer it is about to draw (visible, with something to
      // draw): the frame's drawn layers, for `data-drawn-layers`. It filters nothing out.
      layerFilter: ({ layer, isPicking }) => {
        if (!isPicking) drawing.add(layer.id);
        return true;
      },
      onHover: (info) => callbacks.current.onHover?.(info),
      onClick: (info) => callbacks.current.onClick?.(info),
      onAfterRender: () => {
        frames += 1;
        container.dataset.frames = String(frames);
        if (drawing.size === 0) return;
        const ids = [...drawing].sort();
        drawing = new Set();
        if (container.dataset.drawnLayers === ids.join(' ')) return;
        container.dataset.drawnLayers = ids.join(' ');
        callbacks.current.onLayersDrawn?.(ids);
      },
    });
    map.addControl(overlay);
    const report = () => callbacks.current.onViewChange(readViewport(map));
    // The camera is known as soon as the map exists: ask for data now rather than after the style,
    // the worker and the GL context are ready ('load' is ~2 s later under SwiftShader).
    report();
    map.on('moveend', report);
    map.on('idle', () => {
      container.dataset.idle = 'true';
    });
    map.on('movestart', () => {
      container.dataset.idle = 'false';
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    return () => {
      map.removeControl(overlay);
      overlay.finalize();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // In the commit itself, not after paint: a passive effect waited behind one or two map frames
  // (~45 ms each under software WebGL) before deck.gl saw new layers, the first hexagons included.
  useLayoutEffect(() => {
    overlayRef.current?.setProps({ layers: props.layers });
  }, [props.layers]);

  useEffect(() => {
    if (props.focusBounds) mapRef.current?.fitBounds(props.focusBounds, { padding: 40, duration: 800 });
  }, [props.focusBounds]);

  useEffect(() => {
    const center = props.focusCenter;
    if (center) mapRef.current?.flyTo({ center: [center.lon, center.lat], duration: 800 });
  }, [props.focusCenter]);

  useEffect(() => {
    const map = mapRef.current;
    const pitch = props.pitch ?? 0;
    if (map && map.getPitch() !== pitch) map.easeTo({ pitch, duration: 500 });
  }, [props.pitch]);

  return <div ref={containerRef} className="map-view" role="application" aria-label={props.ariaLabel} />;
}
