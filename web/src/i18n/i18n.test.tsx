import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { formatDuration, formatInZone, localDate, zoneLabel } from './format-time';
import { createTranslator, I18nProvider, useI18n } from './i18n';

function Greeting() {
  const { t } = useI18n();
  return <h1>{t('app.title')}</h1>;
}

describe('i18n', () => {
  test('Russian is the default and English is switchable', () => {
    const { rerender } = render(
      <I18nProvider locale="ru">
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Тепловая карта обращений');
    rerender(
      <I18nProvider locale="en">
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Heat map of messages');
  });

  test('parameters are filled in and numbers grouped per locale', () => {
    expect(createTranslator('en').t('drilldown.count', { count: 12345 })).toBe('12,345 messages');
    expect(createTranslator('ru').t('drilldown.count', { count: 12345 })).toBe('Обращений: 12\u00a0345');
  });

  test('durations pick a readable unit', () => {
    const ru = createTranslator('ru');
    expect(formatDuration(45, ru)).toBe('45 мин');
    expect(formatDuration(150, ru)).toBe('2,5 ч');
    expect(formatDuration(4320, ru)).toBe('3 дн');
    expect(formatDuration(null, ru)).toBe('—');
  });
});

describe('time in the region zone', () => {
  // 2024-03-30T23:30Z is already 31 March in Budapest (UTC+1 before the DST change).
  const moment = Date.UTC(2024, 2, 30, 23, 30);

  test('dates are those of the region, not of the viewer', () => {
    expect(localDate(moment, 'Europe/Budapest')).toBe('2024-03-31');
    expect(localDate(moment, 'UTC')).toBe('2024-03-30');
    expect(formatInZone(moment, 'en', 'Europe/Budapest', 'minute')).toContain('00:30');
  });

  test('the zone is named with its offset', () => {
    expect(zoneLabel('Europe/Budapest', moment)).toBe('Europe/Budapest, GMT+1');
    expect(zoneLabel('Asia/Yakutsk', moment)).toBe('Asia/Yakutsk, GMT+9');
  });
});
