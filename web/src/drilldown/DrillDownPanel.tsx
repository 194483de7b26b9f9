import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { MessageItem } from './MessageItem';
import { PublicMessageItem } from './PublicMessageItem';
import { type LoadPage, useMessagePages } from './use-message-pages';
import './drilldown.css';

export interface DrillDownPanelProps {
  cell: string;
  /** Where the cell is, in words (its district). */
  place?: string;
  /** Messages in the cell for the current window and filters, when known (from the map's data). */
  total?: number;
  loadPage: LoadPage;
  timeZone: string;
  onClose(): void;
  /** The public API has no text search: the box is left out. Default true. */
  searchable?: boolean;
  /** The public API lists only messages in groups of at least this many (docs/privacy.md): say so. */
  groupMinimum?: number;
  /** Search delay in ms; tests set 0. */
  searchDelay?: number;
}

export function DrillDownPanel(props: DrillDownPanelProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const pages = useMessagePages(props.loadPage, query);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const { loadMore } = pages;

  useEffect(() => {
    const handle = setTimeout(() => setQuery(search.trim()), props.searchDelay ?? 300);
    return () => clearTimeout(handle);
  }, [search, props.searchDelay]);

  // The panel takes focus when it opens so a keyboard user lands in it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when the cell changes
  useEffect(() => headingRef.current?.focus(), [props.cell]);

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [loadMore]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onClose();
  };

  return (
    // A labelled <section> is a region landmark; Escape anywhere inside closes it.
    <section className="drilldown" aria-label={t('drilldown.label')} onKeyDown={onKeyDown}>
      <header className="drilldown__header">
        <div>
          <h2 ref={headingRef} tabIndex={-1} className="drilldown__title">
            {pages.place ?? t('drilldown.title')}
          </h2>
          <p className="drilldown__cell">
            {props.place && <>{props.place} · </>}
            <code>{props.cell}</code>
            {props.total !== undefined && !query && <> · {t('drilldown.count', { count: props.total })}</>}
          </p>
        </div>
        <button
          type="button"
          className="drilldown__close"
          aria-label={t('drilldown.close')}
          onClick={props.onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {props.searchable !== false && (
        <input
          type="search"
          className="drilldown__search"
          aria-label={t('drilldown.search')}
          placeholder={t('drilldown.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      )}
      <div className="drilldown__body">
        {props.groupMinimum !== undefined && (
          <p className="state" role="note">
            {t('drilldown.groups', { k: props.groupMinimum })}
          </p>
        )}
        <ul className="drilldown__list" aria-label={t('drilldown.list')} aria-busy={pages.loading}>
          {pages.messages.map((message, index) =>
            'id' in message ? (
              <li key={message.id}>
                <MessageItem message={message} timeZone={props.timeZone} />
              </li>
            ) : (
              // Public messages carry no id (an id would let a visitor follow one message); order is stable.
              // biome-ignore lint/suspicious/noArrayIndexKey: the public answer has no identity to key on
              <li key={index}>
                <PublicMessageItem message={message} />
              </li>
            ),
          )}
        </ul>
        {pages.error && (
          <div className="state state--error" role="alert">
            <p>{t('app.error', { message: pages.error.message })}</p>
            <button type="button" onClick={pages.retry}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {pages.loading && <p className="state">{t('app.loading')}</p>}
        {!pages.loading && !pages.error && pages.done && (
          <p className="state">{pages.messages.length ? t('drilldown.end') : t('drilldown.empty')}</p>
        )}
        {!pages.done && !pages.error && (
          <div ref={sentinelRef}>
            <button type="button" className="link-button" onClick={loadMore} disabled={pages.loading}>
              {t('drilldown.loadMore')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
