/**
 * Codes of errors that mean "the database cannot be reached right now", not "this request is wrong":
 * the socket's (Node), the driver's (postgres.js names its own), and the server's SQLSTATEs for a
 * lost connection (class 08) and for a server shutting down or starting up (57P01–57P03).
 */
const FAULT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up
]);

/** Whether `error` is a database connection fault: the caller may retry the same request later. */
export function isConnectionFault(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return FAULT_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}
