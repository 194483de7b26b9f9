import { localDate } from '../i18n/format-time';

/** `heatmap-YYYY-MM-DD.png`: the day of the export in the region's zone, so files sort by date. */
export function exportFileName(extension: 'png' | 'geojson', nowMs: number, timeZone: string): string {
  return `heatmap-${localDate(nowMs, timeZone)}.${extension}`;
}

/** Hands a made file to the browser as a download (no server round trip). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
