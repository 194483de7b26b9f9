import type { Filters } from '../api/types';
import type { Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';

export interface MapCaption {
  title: string;
  period: string;
  filters: string;
}

const FILTER_LABELS: [keyof Filters & string, MessageKey][] = [
  ['category', 'filters.category'],
  ['source', 'filters.source'],
  ['status', 'filters.status'],
  ['district', 'filters.district'],
];

/**
 * What a pasted picture or a downloaded table shows, in words: the map's title and metric, the period
 * (the API's `from`/`to`, `to` exclusive) and the filters. Shared by the PNG caption and the CSV dialog.
 */
export function mapCaption(
  { t }: Pick<Translator, 't'>,
  metricLabel: string,
  filters: Filters,
  period: { from?: string; to?: string } | null,
): MapCaption {
  const parts = FILTER_LABELS.flatMap(([key, label]) => {
    const value = filters[key];
    if (typeof value !== 'string' || value === '') return [];
    const values = value.split(',');
    const shown = key === 'status' ? values.map((item) => t(`status.${item}` as MessageKey)) : values;
    return [`${t(label)}: ${shown.join(', ')}`];
  });
  return {
    title: `${t('app.title')} — ${metricLabel}`,
    period: !period?.to
      ? t('export.periodAll')
      : period.from
        ? t('export.period', { from: period.from, to: period.to })
        : t('export.periodUntil', { to: period.to }),
    filters: parts.length ? t('export.filters', { list: parts.join('; ') }) : t('export.noFilters'),
  };
}
