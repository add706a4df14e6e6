/**
 * The instrument gazetteer the extension ships (`index/gazetteer.json`, written by the index build from
 * data/gazetteer/*.json): the one loader for every context that runs the finder on page text (the worker, for
 * content scripts, and the PDF viewer). It is a file of the extension itself, not a network request.
 */
import { parseGazetteer } from '../core/instruments/gazetteer';
import { createInstrumentMatcher, type InstrumentMatcher } from '../core/instruments/matcher';

/** The gazetteer's path inside the extension. */
export const GAZETTEER_FILE = 'index/gazetteer.json';

/**
 * A matcher over the gazetteer JSON that `load` reads, built once on first call (later calls share it).
 * When loading or parsing fails it resolves to undefined: instruments are then not found, every numbered
 * citation still is, and the failure is not retried on every page.
 */
export function gazetteerMatcher(load: () => Promise<unknown>): () => Promise<InstrumentMatcher | undefined> {
  let matcher: Promise<InstrumentMatcher | undefined> | undefined;
  return () => {
    matcher ??= load().then(
      (json) => createInstrumentMatcher(parseGazetteer(json, GAZETTEER_FILE)),
      () => undefined,
    );
    return matcher;
  };
}

/** {@link gazetteerMatcher} over the shipped file; `getURL` is `runtime.getURL` of the calling context. */
export function shippedGazetteer(
  getURL: (path: string) => string,
): () => Promise<InstrumentMatcher | undefined> {
  return gazetteerMatcher(async () => {
    const res = await fetch(getURL(GAZETTEER_FILE));
    if (!res.ok) throw new Error(`${GAZETTEER_FILE}: HTTP ${res.status}`);
    return res.json();
  });
}
