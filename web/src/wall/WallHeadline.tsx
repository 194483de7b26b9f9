import { useI18n } from '../i18n/i18n';
import { headlineItems, type LooseSummary } from './headline';

export interface WallHeadlineProps {
  today: LooseSummary | null;
  recent: LooseSummary | null;
  all: LooseSummary | null;
  windowDays: number;
}

/** The four numbers in type large enough to read from across the room. */
export function WallHeadline(props: WallHeadlineProps) {
  const translator = useI18n();
  const items = headlineItems(props, translator);
  return (
    <dl className="wall-headline">
      {items.map((item) => (
        <div key={item.key} className={`wall-headline__item wall-headline__item--${item.tone}`}>
          <dt>{item.label}</dt>
          <dd data-wall-headline={item.key}>{item.value}</dd>
          <dd className="wall-headline__detail">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
