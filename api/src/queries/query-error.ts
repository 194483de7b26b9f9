/** A request the queries cannot answer as asked: the status and a message safe to show the caller. */
export class QueryError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

export function badParameter(name: string, problem: string): QueryError {
  return new QueryError(400, `Invalid parameter "${name}": ${problem}`);
}
