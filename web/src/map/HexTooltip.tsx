import { formatDuration } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import './hex-tooltip.css';

export interface HexTooltipProps {
  x: number;
  y: number;
  title: string;
  /** The cell id, for people who pass ids around. */
  code?: string;
  count?: number;
  /** What a hotspot map says about the cell (its bin or class), shown in place of the metrics. */
  lines?: string[];
  open?: number;
  medianAnswerMinutes?: number | null;
}

export function HexTooltip(props: HexTooltipProps) {
  const translator = useI18n();
  const { t } = translator;
  return (
    <div className="tooltip" role="tooltip" style={{ left: props.x + 14, top: props.y + 14 }}>
      <strong>{props.title}</strong>
      {props.code && <code className="tooltip__code">{props.code}</code>}
      {props.lines?.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {props.count !== undefined && <div>{t('tooltip.count', { value: props.count })}</div>}
      {props.open !== undefined && <div>{t('tooltip.open', { value: props.open })}</div>}
      {props.medianAnswerMinutes !== undefined && (
        <div>{t('tooltip.median', { value: formatDuration(props.medianAnswerMinutes, translator) })}</div>
      )}
      <div className="tooltip__hint">{t('tooltip.click')}</div>
    </div>
  );
}
