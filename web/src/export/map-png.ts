import { VIRIDIS } from '../map/color-scale';
import type { MapCaption } from './map-caption';

/** Output pixels per CSS pixel: print and slides want more than a 1× screen gives. */
export const PNG_SCALE = 2;
/** The caption band under the map, in CSS pixels (so PNG_SCALE × this in the file). */
export const CAPTION_BAND_CSS = 76;

export interface PngLegend {
  title: string;
  /** Tick labels and where they sit along the bar (0..1). */
  ticks: { label: string; at: number }[];
}

/** The file's size for a map of this CSS size: the map at 2× plus the caption band at 2×. */
export function pngSize(cssWidth: number, cssHeight: number): { width: number; height: number } {
  return {
    width: Math.round(cssWidth) * PNG_SCALE,
    height: (Math.round(cssHeight) + CAPTION_BAND_CSS) * PNG_SCALE,
  };
}

function drawLegend(context: CanvasRenderingContext2D, legend: PngLegend, right: number): void {
  const width = 220;
  const left = right - width;
  context.font = '12px sans-serif';
  context.fillStyle = '#1f2933';
  context.textAlign = 'left';
  context.fillText(legend.title, left, 16, width);
  const gradient = context.createLinearGradient(left, 0, right, 0);
  VIRIDIS.forEach(([r, g, b], index) => {
    gradient.addColorStop(index / (VIRIDIS.length - 1), `rgb(${r}, ${g}, ${b})`);
  });
  context.fillStyle = gradient;
  context.fillRect(left, 22, width, 10);
  context.fillStyle = '#1f2933';
  context.font = '11px sans-serif';
  for (const tick of legend.ticks) {
    context.textAlign = tick.at < 0.05 ? 'left' : tick.at > 0.95 ? 'right' : 'center';
    context.fillText(tick.label, left + tick.at * width, 46);
  }
}

/**
 * The map as one image to paste into a report: the map's canvas (MapLibre with deck.gl drawn into
 * the same WebGL context, kept with preserveDrawingBuffer) scaled to 2× its CSS size, and under it a
 * band with the caption, the legend and the attribution drawn with Canvas 2D.
 *
 * The canvas is taken as drawn, at the screen's device pixel ratio: sharp on a 2× screen, enlarged
 * on a 1× one. Redrawing it at 2× (MapLibre's setPixelRatio, also with window.devicePixelRatio
 * reading 2 for that frame) was tried: interleaved deck.gl kept its 1× viewport and drew the hexagons
 * into a quarter of the frame.
 */
export function composeMapPng(
  mapCanvas: HTMLCanvasElement,
  caption: MapCaption,
  legend: PngLegend | null,
  attribution: string,
): Promise<Blob> {
  const cssWidth = Math.round(mapCanvas.clientWidth);
  const cssHeight = Math.round(mapCanvas.clientHeight);
  const size = pngSize(cssWidth, cssHeight);
  const output = document.createElement('canvas');
  output.width = size.width;
  output.height = size.height;
  const context = output.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2D canvas'));
  context.scale(PNG_SCALE, PNG_SCALE);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, cssWidth, cssHeight + CAPTION_BAND_CSS);
  context.imageSmoothingQuality = 'high';
  context.drawImage(mapCanvas, 0, 0, cssWidth, cssHeight);

  const band = cssHeight;
  const textWidth = Math.max(120, cssWidth - (legend ? 260 : 24));
  context.fillStyle = '#1f2933';
  context.textBaseline = 'alphabetic';
  context.textAlign = 'left';
  context.font = 'bold 15px sans-serif';
  context.fillText(caption.title, 12, band + 22, textWidth);
  context.font = '12px sans-serif';
  context.fillText(caption.period, 12, band + 41, textWidth);
  context.fillText(caption.filters, 12, band + 58, textWidth);
  context.save();
  context.translate(0, band);
  if (legend) drawLegend(context, legend, cssWidth - 12);
  context.restore();
  context.font = '10px sans-serif';
  context.fillStyle = '#52606d';
  context.textAlign = 'right';
  context.fillText(attribution, cssWidth - 12, band + CAPTION_BAND_CSS - 8, cssWidth - 24);

  return new Promise((resolve, reject) =>
    output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
