import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { fakeFetch } from './fake-fetch';
import { SignInPage } from './SignInPage';
import type { StaffUser } from './session-client';

afterEach(() => vi.unstubAllGlobals());

function renderPage(props: Partial<Parameters<typeof SignInPage>[0]> = {}, locale: Locale = 'ru') {
  const signedIn: StaffUser[] = [];
  render(
    <I18nProvider locale={locale}>
      <SignInPage onSignedIn={(user) => signedIn.push(user)} {...props} />
    </I18nProvider>,
  );
  return { signedIn };
}

async function submit(login: string, password: string, locale: Locale = 'ru') {
  const user = userEvent.setup();
  const words = locale === 'ru' ? ['Логин', 'Пароль', 'Войти'] : ['Login', 'Password', 'Sign in'];
  await user.type(screen.getByLabelText(words[0] as string), login);
  await user.type(screen.getByLabelText(words[1] as string), password);
  await user.click(screen.getByRole('button', { name: words[2] }));
}

describe('sign-in page', () => {
  test('signs in and hands the user over', async () => {
    const user = { login: 'anna', role: 'regional' as const, districts: [] };
    fakeFetch(() => ({ status: 200, body: { ...user, csrfToken: 't' } }));
    const { signedIn } = renderPage();
    await submit('  anna ', 'correct horse battery');
    await vi.waitFor(() => expect(signedIn).toEqual([user]));
  });

  test('a wrong password is said in words and the password field is emptied', async () => {
    fakeFetch(() => ({ status: 401, body: { message: 'Wrong login or password.' } }));
    const { signedIn } = renderPage();
    await submit('anna', 'wrong one');
    expect((await screen.findByRole('alert')).textContent).toBe('Неверный логин или пароль.');
    expect((screen.getByLabelText('Пароль') as HTMLInputElement).value).toBe('');
    expect(signedIn).toEqual([]);
  });

  test('the rate limit says how long to wait (429 with Retry-After), in English too', async () => {
    fakeFetch(() => ({ status: 429, body: { message: 'Too many' }, headers: { 'retry-after': '540' } }));
    renderPage({}, 'en');
    await submit('anna', 'again', 'en');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many failed sign-in attempts. Try again in 9 min.',
    );
  });

  test('offers the public map with the same view, and says when a session has ended', () => {
    renderPage({ publicHref: '/public?cat=K%C3%A1ty%C3%BA', expired: true });
    expect(screen.getByRole('status').textContent).toBe('Сеанс завершён. Войдите снова.');
    expect(
      screen
        .getByRole('link', { name: 'Открытая карта без входа — для жителей и журналистов' })
        .getAttribute('href'),
    ).toBe('/public?cat=K%C3%A1ty%C3%BA');
  });

  test('no public link when the public map is off', () => {
    renderPage();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
