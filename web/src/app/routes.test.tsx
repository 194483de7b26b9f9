import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeFetch } from '../auth/fake-fetch';
import { EmbedShell } from '../public/EmbedShell';
import { PublicShell } from '../public/PublicShell';
import { StaffShell } from '../staff/StaffShell';
import { App } from './App';
import { routeFor } from './routes';

afterEach(() => vi.unstubAllGlobals());

describe('routes', () => {
  test('the path picks the page; anything else is the staff map', () => {
    expect(routeFor('/public')).toBe(PublicShell);
    expect(routeFor('/public/')).toBe(PublicShell);
    expect(routeFor('/embed')).toBe(EmbedShell);
    expect(routeFor('/')).toBe(StaffShell);
    expect(routeFor('/somewhere')).toBe(StaffShell);
  });
});

describe('modes', () => {
  test('/ signed out: the sign-in form and the public map link with the same view', async () => {
    fakeFetch(() => ({ status: 200, body: { role: 'public', publicMap: true } }));
    window.history.replaceState(null, '', '/?metric=open&cat=Graffiti');
    render(<App />);
    expect((await screen.findByRole('form', { name: 'Вход для сотрудников' })).tagName).toBe('FORM');
    expect(
      screen
        .getByRole('link', { name: 'Открытая карта без входа — для жителей и журналистов' })
        .getAttribute('href'),
    ).toBe('/public?cat=Graffiti&metric=open');
  });

  test('/ signed in: the user menu and the staff API', async () => {
    const { requests } = fakeFetch((path) =>
      path === '/api/v1/auth/me'
        ? { status: 200, body: { login: 'anna', role: 'regional', districts: [] } }
        : { status: 503 },
    );
    window.history.replaceState(null, '', '/');
    render(<App />);
    expect((await screen.findByText('anna', { selector: 'summary' })).tagName).toBe('SUMMARY');
    await screen.findByRole('alert');
    expect(requests.map((request) => request.path)).toContain('/api/v1/meta');
    expect(requests.some((request) => request.path.startsWith('/api/v1/public/'))).toBe(false);
  });

  test('a staff read answering 401 (session ended) goes back to sign-in, keeping the link', async () => {
    fakeFetch((path) =>
      path === '/api/v1/auth/me'
        ? { status: 200, body: { login: 'anna', role: 'regional', districts: [] } }
        : { status: 401, body: { message: 'Sign in first.' } },
    );
    window.history.replaceState(null, '', '/?metric=open');
    render(<App />);
    expect((await screen.findByText('Сеанс завершён. Войдите снова.')).getAttribute('role')).toBe('status');
    expect(screen.getByRole('form', { name: 'Вход для сотрудников' })).toBeTruthy();
    expect(window.location.search).toBe('?metric=open');
  });

  test('/public: the public API only, the privacy note, share and sign-in', async () => {
    const { requests } = fakeFetch(() => ({ status: 503 }));
    window.history.replaceState(null, '', '/public?lang=en');
    render(<App />);
    await screen.findByRole('alert');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Residents' messages: the public map");
    expect(screen.getByRole('note').textContent).toBe(
      'Cells and numbers with fewer than 5 messages are hidden so that nobody can be identified.',
    );
    expect(screen.getByRole('link', { name: 'Staff sign-in' }).getAttribute('href')).toBe('/?lang=en');
    expect(screen.getByRole('button', { name: 'Share' })).toBeTruthy();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.path.startsWith('/api/v1/public/'))).toBe(true);
  });

  test('/embed: no header, a link to the full map', async () => {
    fakeFetch(() => ({ status: 503 }));
    window.history.replaceState(null, '', '/embed?z=12');
    render(<App />);
    await screen.findByRole('alert');
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.getByRole('link', { name: 'Открыть полную карту' }).getAttribute('href')).toBe(
      '/public?z=12.00',
    );
  });
});
