import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { App } from './App';

// No server answers in jsdom: every request fails as a network error, which is the "API down" case.
describe('App shell', () => {
  test('says the data server is unavailable and offers a retry', async () => {
    window.history.replaceState(null, '', '/');
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Сервер данных недоступен. Повторите попытку позже.Повторить',
    );
    expect(screen.getByRole('button', { name: 'Повторить' })).toBeTruthy();
  });

  test('switching the language rewrites the page and the link', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?cat=K%C3%A1ty%C3%BA');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Тепловая карта обращений');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Язык' }), 'en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Heat map of messages');
    expect(document.documentElement.lang).toBe('en');
    expect(window.location.search).toBe('?cat=Kátyú&lang=en'.replace('á', '%C3%A1').replace('ú', '%C3%BA'));
    expect((await screen.findByRole('alert')).textContent).toContain('The data server is unavailable');
  });
});
