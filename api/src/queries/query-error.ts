import { HttpError } from '../errors/http-error';

/** A request the queries cannot answer as asked: 400 (bad parameter), 403 (outside the scope) or 404. */
export class QueryError extends HttpError {
  constructor(statusCode: 400 | 403 | 404, message: string) {
    super(statusCode, message);
  }
}

export function badParameter(name: string, problem: string): QueryError {
  return new QueryError(400, `Invalid parameter "${name}": ${problem}`);
}
