import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { LiveDemoBadge } from './LiveDemoBadge';

describe('LiveDemoBadge', () => {
  test('says in Russian and in English that the messages are replayed, as a note', () => {
    for (const [locale, words] of [
      ['ru', 'Демо обращения прошлого года воспроизводятся как новые'],
      ['en', "Demo last year's messages replayed as new ones"],
    ] as const) {
      const { container, unmount } = render(
        <I18nProvider locale={locale}>
          <LiveDemoBadge />
        </I18nProvider>,
      );
      const note = container.querySelector('[role="note"][data-live-demo]');
      expect(note?.textContent).toBe(words);
      unmount();
    }
  });
});
