import { STATUS_CODES } from 'node:http';

/**
 * A request the server will not answer as asked: the status and a message meant for the caller (what was
 * wrong and what is allowed, never internals). The error handler turns it into the one error body.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/** The one shape of every error answer (`ErrorSchema`): the status, its reason phrase and the message. */
export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}
