import type { Meta } from '../api/types';
import type { Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import type { FilterKey, FilterOption } from './FilterPanel';

/** The filter panel's choices from /meta: names go into the link (readable, stable across imports). */
export function filterOptions(meta: Meta, t: Translator['t']): Record<FilterKey, FilterOption[]> {
  const named = (items: readonly { name: string; count: number | null }[]) =>
    items.map((item) => ({ value: item.name, label: item.name, count: item.count }));
  return {
    cat: named(meta.categories),
    src: named(meta.sources),
    status: meta.statuses.map((item) => ({
      value: item.id,
      label: t(`status.${item.id}` as MessageKey),
      count: item.count,
    })),
    district: named(meta.districts),
  };
}
