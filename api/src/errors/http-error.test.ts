import { describe, expect, test } from 'vitest';
import { errorBody, HttpError } from './http-error';

describe('errorBody', () => {
  test('the status, its reason phrase and the message', () => {
    expect(errorBody(400, 'Invalid parameter "res"')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid parameter "res"',
    });
    expect(errorBody(429, 'Wait').error).toBe('Too Many Requests');
    expect(errorBody(503, 'Later').error).toBe('Service Unavailable');
  });
  test('a status without a reason phrase says Error', () => {
    expect(errorBody(499, 'x').error).toBe('Error');
  });
});

describe('HttpError', () => {
  test('keeps its status and message, named after the subclass', () => {
    class Teapot extends HttpError {}
    const error = new Teapot(418, 'short and stout');
    expect([error.statusCode, error.message, error.name]).toEqual([418, 'short and stout', 'Teapot']);
    expect(error).toBeInstanceOf(HttpError);
  });
});
