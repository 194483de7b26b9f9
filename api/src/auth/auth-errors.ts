/**
 * Errors the auth layer throws; Fastify answers with their `statusCode` and message (4xx
 * messages are meant for the user, so they say what happened without internals).
 */
export class UnauthorizedError extends Error {
  readonly statusCode = 401;
  readonly code = 'HEATMAP_UNAUTHORIZED';
}

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  readonly code = 'HEATMAP_FORBIDDEN';
}

export class CsrfError extends Error {
  readonly statusCode = 403;
  readonly code = 'HEATMAP_CSRF';
}
