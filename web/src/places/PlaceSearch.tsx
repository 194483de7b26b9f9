import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import type { PlaceSuggestion, PlaceSuggestions } from '../api/types';
import { useI18n } from '../i18n/i18n';
import './place-search.css';

export interface PlaceSearchProps {
  /** The audience's place search (staff or public API). */
  search(query: string, signal: AbortSignal): Promise<PlaceSuggestions>;
  /** A place was chosen: fly to its bounds (west, south, east, north). */
  onChoose(bounds: [number, number, number, number], name: string): void;
  /** Typing delay before asking, in ms; tests set 0. */
  delay?: number;
}

/**
 * The map's search box: type a street or district, pick a suggestion with the arrows and Enter (or a click),
 * Esc closes the list (a second Esc clears the box). An ARIA 1.2 combobox with a listbox popup.
 */
export function PlaceSearch(props: PlaceSearchProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<PlaceSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState('');
  const { search, delay } = props;

  useEffect(() => {
    const query = text.trim();
    if (query === '') {
      setSuggestions([]);
      setSearched('');
      return;
    }
    const controller = new AbortController();
    const handle = setTimeout(() => {
      search(query, controller.signal).then(
        (answer) => {
          setSuggestions(answer.suggestions);
          setSearched(query);
          setActive(answer.suggestions.length > 0 ? 0 : -1);
        },
        () => {},
      );
    }, delay ?? 200);
    return () => {
      clearTimeout(handle);
      controller.abort();
    };
  }, [text, search, delay]);

  const choose = (suggestion: PlaceSuggestion | undefined) => {
    if (!suggestion) return;
    setText(suggestion.name);
    setOpen(false);
    props.onChoose(suggestion.bbox as [number, number, number, number], suggestion.name);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) =>
        suggestions.length === 0 ? -1 : (current + step + suggestions.length) % suggestions.length,
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(suggestions[active] ?? suggestions[0]);
    } else if (event.key === 'Escape') {
      // Inside the drill-down's region Escape closes it; here it belongs to the box.
      event.stopPropagation();
      if (open && suggestions.length > 0) setOpen(false);
      else setText('');
    }
  };

  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const showList = open && text.trim() !== '' && searched !== '';
  return (
    <div className="place-search">
      <input
        type="search"
        role="combobox"
        className="place-search__input"
        aria-label={t('place.searchLabel')}
        placeholder={t('place.search')}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div
        id={listId}
        role="listbox"
        className="place-search__list"
        hidden={!showList}
        aria-label={t('place.search')}
      >
        {suggestions.map((suggestion, index) => (
          <div
            key={`${suggestion.kind}:${suggestion.name}`}
            // Focus stays in the box (aria-activedescendant); -1 keeps the option out of the tab order.
            tabIndex={-1}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="place-search__option"
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(suggestion);
            }}
          >
            {suggestion.name} <span className="place-search__kind">{t(`place.${suggestion.kind}`)}</span>
          </div>
        ))}
        {suggestions.length === 0 && <div className="place-search__none">{t('place.none')}</div>}
      </div>
    </div>
  );
}
