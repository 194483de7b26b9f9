import type { EmergingCell, HotspotMapCell } from '../api/types';
import type { Translator } from '../i18n/i18n';
import { emergingKey } from './emerging-classes';
import { giBinKey } from './gi-palette';

/** The Gi* tooltip: what the bin means, then (staff only: the public answer has neither) the count and z. */
export function giTooltipLines(cell: HotspotMapCell, { t, formatNumber }: Translator): string[] {
  const lines = [t(giBinKey(cell.bin))];
  if (cell.count !== undefined) lines.push(t('tooltip.count', { value: cell.count }));
  if (cell.z !== undefined) {
    lines.push(t('gi.z', { value: formatNumber(cell.z, { maximumFractionDigits: 2 }) }));
  }
  return lines;
}

/** The emerging tooltip: the class and in how many of the steps the cell was a hot spot. */
export function emergingTooltipLines(cell: EmergingCell, { t }: Translator): string[] {
  const hot = cell.bins.filter((bin) => bin > 0).length;
  return [t(emergingKey(cell.class)), t('emerging.hotSteps', { hot, steps: cell.bins.length })];
}
