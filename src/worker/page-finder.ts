/**
 * The finder as the worker runs it for content scripts (`find` message): the core finder plus the instrument
 * gazetteer of the shipped index. Running it there keeps the content script small (no grammar, no gazetteer
 * at start) and moves the finder's first-call regular-expression compilation off the page's main thread.
 */
import { type BodyCode, findCitations } from '../core/find';
import type { InstrumentMatcher } from '../core/instruments/matcher';
import type { FindResult, Lang } from '../core/mention';

/** One `find` request: a page's text (a batch of paragraphs), its language and the document's own body. */
export interface PageFindRequest {
  text: string;
  lang?: Lang;
  body?: BodyCode;
}

/**
 * A finder over page text. `gazetteer` gives the instrument matcher (src/shared/shipped-gazetteer.ts: loaded
 * once, lazily); when it has none, instruments are simply not found and every other kind still is.
 */
export function createPageFinder(
  gazetteer: () => Promise<InstrumentMatcher | undefined>,
): (req: PageFindRequest) => Promise<FindResult> {
  return async ({ text, lang, body }) => {
    const matcher = await gazetteer();
    return findCitations(text, {
      ...(lang ? { lang } : {}),
      ...(body ? { body } : {}),
      ...(matcher ? { gazetteer: matcher } : {}),
    });
  };
}
