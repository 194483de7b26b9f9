import type { PublicMessage } from '../api/types';
import { formatInZone } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-ru';

/**
 * A message as the public API gives it: category, local month and status, and the scrubbed text only where
 * the server publishes text. Nothing else exists in the answer, so nothing else can be shown.
 */
export function PublicMessageItem({ message }: { message: PublicMessage }) {
  const { t, locale } = useI18n();
  // The month is already local to the region: format it as such (noon UTC on the 15th never shifts it).
  const month = formatInZone(Date.parse(`${message.month}-15T12:00:00Z`), locale, 'UTC', 'month');
  return (
    <article className="message message--public">
      <header className="message__meta">
        <time dateTime={message.month}>{month}</time>
        <span className={`status status--${message.status}`}>
          {t(`status.${message.status}` as MessageKey)}
        </span>
      </header>
      <h3 className="message__title">{message.category ?? t('drilldown.noCategory')}</h3>
      {message.text && <p className="message__text">{message.text}</p>}
    </article>
  );
}
