import type { Summary } from '../api/types';
import { formatDuration } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import './summary-bar.css';

export interface SummaryBarProps {
  summary: Summary | null;
  loading: boolean;
}

export function SummaryBar({ summary, loading }: SummaryBarProps) {
  const translator = useI18n();
  const { t, formatNumber } = translator;
  const dash = t('duration.none');
  const percent = (value: number | null | undefined, signed = false) =>
    value === null || value === undefined
      ? dash
      : formatNumber(value, {
          style: 'percent',
          maximumFractionDigits: 0,
          signDisplay: signed ? 'exceptZero' : 'auto',
        });
  const whole = (value: number | null | undefined) =>
    value === null || value === undefined ? dash : formatNumber(value);
  const items = [
    { key: 'total', label: t('summary.total'), value: whole(summary?.count) },
    { key: 'open', label: t('summary.open'), value: whole(summary?.open) },
    { key: 'answered', label: t('summary.answeredShare'), value: percent(summary?.answeredShare) },
    { key: 'in-time', label: t('summary.answeredInTime'), value: percent(summary?.answeredInTimeShare) },
    {
      key: 'median-answer',
      label: t('summary.medianAnswer'),
      value: summary ? formatDuration(summary.medianAnswerMinutes, translator) : dash,
    },
    {
      key: 'median-resolve',
      label: t('summary.medianResolve'),
      value: summary ? formatDuration(summary.medianResolveMinutes, translator) : dash,
    },
    { key: 'change', label: t('summary.change'), value: percent(summary?.change?.count, true) },
  ];
  return (
    <section className="summary" aria-label={t('summary.label')} aria-busy={loading}>
      <dl>
        {items.map((item) => (
          <div key={item.key} className={`summary__item summary__item--${item.key}`}>
            <dt>{item.label}</dt>
            <dd data-summary={item.key}>{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
