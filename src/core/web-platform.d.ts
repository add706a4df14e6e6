/**
 * The web-platform APIs the core may use, declared for the core's own type check (`src/core/tsconfig.json`,
 * which has no DOM library): each exists alike in Node 18+, in the extension's worker and in pages. Only
 * what the core calls is declared, so that reaching for anything else (`document`, `window`, `chrome`,
 * `fetch`) is a type error there. The root tsconfig leaves this file out: the DOM library declares these
 * in full.
 */

interface ReadableStream<R = unknown> {
  pipeThrough<T>(transform: { writable: WritableStream<R>; readable: ReadableStream<T> }): ReadableStream<T>;
}

interface WritableStream<W = unknown> {
  readonly locked: boolean;
  /** Never called: only here so that a writable side is not any object at all. */
  abort(reason?: W): Promise<void>;
}

/** Bytes in memory; the core only streams them (gunzip). */
declare class Blob {
  constructor(parts: readonly (ArrayBuffer | ArrayBufferView | string)[]);
  stream(): ReadableStream<Uint8Array>;
}

/** Inflates a gzip (or deflate) byte stream. */
declare class DecompressionStream {
  constructor(format: 'gzip' | 'deflate' | 'deflate-raw');
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}

/** Used only to collect a stream into one buffer. */
declare class Response {
  constructor(body: ReadableStream<Uint8Array>);
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Decodes UTF-8 index files (`fatal`: a corrupt file is an error, not replacement characters). */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input: ArrayBuffer | ArrayBufferView): string;
}
