import { HttpError } from '../errors/http-error';

/** The auth layer's refusals; their messages are meant for the user and say what happened without internals. */
export class UnauthorizedError extends HttpError {
  constructor(message: string) {
    super(401, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: string) {
    super(403, message);
  }
}

export class CsrfError extends HttpError {
  constructor(message: string) {
    super(403, message);
  }
}
