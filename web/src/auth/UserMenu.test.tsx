import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { I18nProvider, type Locale } from '../i18n/i18n';
import type { StaffUser } from './session-client';
import { UserMenu } from './UserMenu';

function renderMenu(user: StaffUser, locale: Locale = 'ru') {
  const signOuts: number[] = [];
  render(
    <I18nProvider locale={locale}>
      <UserMenu user={user} onSignOut={() => signOuts.push(1)} />
    </I18nProvider>,
  );
  return { signOuts };
}

const text = (selector: string) => document.querySelector(selector)?.textContent;

describe('user menu', () => {
  test('names the municipal user, the role and the districts, and signs out', async () => {
    const { signOuts } = renderMenu({
      login: 'anna',
      role: 'municipal',
      districts: [
        { id: 13, name: 'XIII. kerület' },
        { id: 4, name: 'IV. kerület' },
      ],
    });
    await userEvent.setup().click(screen.getByText('anna', { selector: 'summary' }));
    expect(text('[data-user="login"]')).toBe('anna');
    expect(text('[data-user="role"]')).toBe('Муниципальный уровень');
    expect(text('[data-user="districts"]')).toBe('XIII. kerület, IV. kerület');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Выйти' }));
    expect(signOuts).toEqual([1]);
  });

  test('a regional user sees all districts; a municipal one without grants is told so (English)', () => {
    renderMenu({ login: 'region', role: 'regional', districts: [] }, 'en');
    expect(text('[data-user="role"]')).toBe('Regional');
    expect(text('[data-user="districts"]')).toBe('All districts');
  });

  test('a municipal user with no district granted', () => {
    renderMenu({ login: 'nobody', role: 'municipal', districts: [] });
    expect(text('[data-user="districts"]')).toBe('Районы не назначены');
  });
});
