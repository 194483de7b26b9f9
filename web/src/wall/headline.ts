import { formatDuration } from '../i18n/format-time';
import type { Translator } from '../i18n/i18n';
import type { LooseSummary } from './wall-api-types';

export type { LooseSummary };

export type HeadlineKey = 'today' | 'open' | 'median' | 'change';
/** Direction of a change in the number of messages (more messages is not good news here). */
export type Tone = 'neutral' | 'more' | 'fewer';

export interface HeadlineItem {
  key: HeadlineKey;
  label: string;
  value: string;
  detail: string;
  tone: Tone;
}

export interface HeadlineInput {
  /** /summary for today (local day). */
  today: LooseSummary | null;
  /** /summary for the wall's window, with the previous window of the same length and the change. */
  recent: LooseSummary | null;
  /** /summary over the whole range: what is open now. */
  all: LooseSummary | null;
  windowDays: number;
}

/** The four numbers a control room reads from across the room: today, open, median answer, change. */
export function headlineItems(input: HeadlineInput, translator: Translator): HeadlineItem[] {
  const { t, formatNumber } = translator;
  const dash = t('duration.none');
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? dash : formatNumber(value);
  const days = input.windowDays;
  const change = input.recent?.change?.count ?? null;
  const changeValue =
    change === null
      ? dash
      : `${change > 0 ? '▲' : change < 0 ? '▼' : ''}${formatNumber(change, {
          style: 'percent',
          maximumFractionDigits: 0,
          signDisplay: 'exceptZero',
        })}`;
  return [
    {
      key: 'today',
      label: t('wall.today'),
      value: count(input.today?.count),
      detail: t('wall.todayDetail'),
      tone: 'neutral',
    },
    {
      key: 'open',
      label: t('wall.open'),
      value: count(input.all?.open),
      detail: t('wall.openDetail'),
      tone: 'neutral',
    },
    {
      key: 'median',
      label: t('wall.median'),
      value: formatDuration(input.recent?.medianAnswerMinutes ?? null, translator),
      detail: t('wall.windowDetail', { days }),
      tone: 'neutral',
    },
    {
      key: 'change',
      label: days === 7 ? t('wall.changeWeek') : t('wall.changePeriod', { days }),
      value: changeValue,
      detail: t('wall.changeDetail', { count: count(input.recent?.count), days }),
      tone: change === null || Math.round(change * 100) === 0 ? 'neutral' : change > 0 ? 'more' : 'fewer',
    },
  ];
}
