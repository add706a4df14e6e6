import { describe, expect, test } from 'vitest';
import { loadFailure } from './load-failure';

/** An error shaped as pdf.js's BaseException subclasses are (a name and, for responses, a status). */
function pdfjsError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('x'), { name, ...extra });
}

describe('loadFailure', () => {
  test('404 and 410 are a missing file, other statuses an HTTP error', () => {
    expect(loadFailure(pdfjsError('ResponseException', { status: 404, missing: true }))).toEqual({
      kind: 'not-found',
      status: 404,
    });
    expect(loadFailure(pdfjsError('ResponseException', { status: 410 }))).toEqual({
      kind: 'not-found',
      status: 410,
    });
    expect(loadFailure(pdfjsError('ResponseException', { status: 403 }))).toEqual({
      kind: 'http',
      status: 403,
    });
  });
  test('a file that is not a PDF, a password, and no answer at all', () => {
    expect(loadFailure(pdfjsError('InvalidPDFException'))).toEqual({ kind: 'not-pdf' });
    expect(loadFailure(pdfjsError('PasswordException'))).toEqual({ kind: 'password' });
    expect(loadFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'unreachable' });
    // Status 0: the request never got an answer (a blocked cross-origin read looks the same).
    expect(loadFailure(pdfjsError('ResponseException', { status: 0 }))).toEqual({ kind: 'unreachable' });
    expect(loadFailure(undefined)).toEqual({ kind: 'unreachable' });
  });
});
