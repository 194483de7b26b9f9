import type { Message } from '../api/types';
import { formatDuration, formatInZone } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';

export function answerMinutes(message: Pick<Message, 'createdAt' | 'answeredAt'>): number | null {
  if (!message.answeredAt) return null;
  return Math.max(0, (Date.parse(message.answeredAt) - Date.parse(message.createdAt)) / 60_000);
}

/** Sources that give only a date store local midnight; a "00:00" there would be invented precision. */
function createdPrecision(createdAt: string, timeZone: string): 'minute' | 'day' {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(Date.parse(createdAt));
  return parts === '00:00' ? 'day' : 'minute';
}

export function MessageItem({ message, timeZone }: { message: Message; timeZone: string }) {
  const translator = useI18n();
  const { t, locale } = translator;
  const minutes = answerMinutes(message);
  return (
    <article className="message" aria-labelledby={`message-${message.id}`}>
      <header className="message__meta">
        <time dateTime={message.createdAt}>
          {formatInZone(
            Date.parse(message.createdAt),
            locale,
            timeZone,
            createdPrecision(message.createdAt, timeZone),
          )}
        </time>
        <span className={`status status--${message.status}`}>
          {t(`status.${message.status}` as MessageKey)}
        </span>
      </header>
      <h3 id={`message-${message.id}`} className="message__title">
        {message.title ?? message.category}
      </h3>
      <p className="message__tags">
        <span>{message.category}</span> · <span>{message.source}</span>
        {message.district ? (
          <>
            {' '}
            · <span>{message.district}</span>
          </>
        ) : null}
      </p>
      {message.text && <p className="message__text">{message.text}</p>}
      {message.address && <p className="message__address">{message.address}</p>}
      <p className="message__answer">
        {minutes === null
          ? t('drilldown.noAnswer')
          : t('drilldown.answerTime', { value: formatDuration(minutes, translator) })}
        {message.executor ? ` · ${t('drilldown.executor', { value: message.executor })}` : ''}
      </p>
      {message.url && (
        <a className="message__link" href={message.url} target="_blank" rel="noopener noreferrer">
          {t('drilldown.original')}
        </a>
      )}
    </article>
  );
}
