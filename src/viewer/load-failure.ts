/**
 * Why a PDF could not be opened, read from what pdf.js threw. Each reason gets its own message and only the
 * actions that can help (status.ts): a missing file has nothing to retry or allow, a site the extension may
 * not read gets the permission button, a server that did not answer gets "Try again". Pure.
 */

/** The reasons the viewer tells apart. */
export type LoadFailure =
  /** The server answered 404 or 410: there is no file at the address. */
  | { kind: 'not-found'; status: number }
  /** Another HTTP error (403, 500 …). */
  | { kind: 'http'; status: number }
  /** Something came back, but not a PDF (an HTML page, a truncated file). */
  | { kind: 'not-pdf' }
  | { kind: 'password' }
  /** No answer at all: the network, the server, or a cross-origin read the browser blocked. */
  | { kind: 'unreachable' };

/** Classifies an error of `pdfjs.getDocument(...).promise`. */
export function loadFailure(e: unknown): LoadFailure {
  const name =
    e instanceof Error || (typeof e === 'object' && e !== null) ? (e as { name?: unknown }).name : '';
  const status = Number((e as { status?: unknown } | null)?.status) || 0;
  if (name === 'ResponseException' && status > 0)
    return status === 404 || status === 410 ? { kind: 'not-found', status } : { kind: 'http', status };
  if (name === 'InvalidPDFException' || name === 'FormatError') return { kind: 'not-pdf' };
  if (name === 'PasswordException') return { kind: 'password' };
  return { kind: 'unreachable' };
}
