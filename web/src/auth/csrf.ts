export const CSRF_COOKIE = 'heatmap_csrf';

// The login answer carries the token; after a reload it comes from the readable cookie instead.
let fromLogin: string | null = null;

/** Kept from the login answer; null once this tab has signed out. */
export function rememberCsrfToken(token: string | null): void {
  fromLogin = token;
}

export function csrfToken(): string | null {
  if (fromLogin) return fromLogin;
  const pair = document.cookie.split('; ').find((item) => item.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : null;
}
