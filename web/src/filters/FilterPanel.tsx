import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';
import './filter-panel.css';

export const FILTER_KEYS = ['cat', 'src', 'status', 'district'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface FilterOption {
  /** What goes into the URL and the API query. */
  value: string;
  label: string;
  /** null: withheld by the public map's privacy rules (too few messages to show). */
  count: number | null;
}

export type FilterSelection = Record<FilterKey, string[]>;

export interface FilterPanelProps {
  options: Record<FilterKey, FilterOption[]>;
  selected: FilterSelection;
  onChange(key: FilterKey, values: string[]): void;
  /** One value per filter or none (the public map: docs/privacy.md): radio buttons instead of checkboxes. */
  single?: boolean;
}

const LABELS: Record<FilterKey, MessageKey> = {
  cat: 'filters.category',
  src: 'filters.source',
  status: 'filters.status',
  district: 'filters.district',
};

function FilterGroup(props: {
  filterKey: FilterKey;
  options: FilterOption[];
  selected: string[];
  onChange(values: string[]): void;
  single?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const label = t(LABELS[props.filterKey]);
  const chosen = new Set(props.selected);
  const summary = chosen.size === 0 ? t('filters.all') : t('filters.selected', { count: chosen.size });
  const toggle = (value: string, on: boolean) => {
    if (props.single) return props.onChange(on ? [value] : []);
    const next = props.options
      .map((option) => option.value)
      .filter((v) => (v === value ? on : chosen.has(v)));
    props.onChange(next);
  };
  return (
    <details className="filter-group" data-filter={props.filterKey}>
      {/* tabIndex: summary is focusable in browsers already; jsdom needs telling. */}
      <summary tabIndex={0}>
        <span className="filter-group__label">{label}</span>
        <span
          className={chosen.size ? 'filter-group__value filter-group__value--set' : 'filter-group__value'}
        >
          {summary}
        </span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{label}</legend>
        <ul className="filter-group__options">
          {props.options.map((option) => (
            <li key={option.value}>
              <label>
                <input
                  type={props.single ? 'radio' : 'checkbox'}
                  name={props.single ? `filter-${props.filterKey}` : undefined}
                  checked={chosen.has(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <span className="filter-group__name">{option.label}</span>
                {option.count !== null && (
                  <span className="filter-group__count">{formatNumber(option.count)}</span>
                )}
              </label>
            </li>
          ))}
        </ul>
        {chosen.size > 0 && (
          <button type="button" className="link-button" onClick={() => props.onChange([])}>
            {t('filters.clear')}
          </button>
        )}
      </fieldset>
    </details>
  );
}

export function FilterPanel({ options, selected, onChange, single }: FilterPanelProps) {
  const { t } = useI18n();
  const anySelected = FILTER_KEYS.some((key) => selected[key].length > 0);
  return (
    <section className="filter-panel" aria-label={t('filters.label')}>
      {FILTER_KEYS.map((key) => (
        <FilterGroup
          key={key}
          filterKey={key}
          options={options[key]}
          selected={selected[key]}
          onChange={(values) => onChange(key, values)}
          {...(single ? { single } : {})}
        />
      ))}
      {anySelected && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            for (const key of FILTER_KEYS) if (selected[key].length) onChange(key, []);
          }}
        >
          {t('filters.reset')}
        </button>
      )}
    </section>
  );
}
