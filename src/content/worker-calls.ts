/**
 * The content script's requests to the worker, each with a deadline so that a worker that never answers
 * (its script failed to load) cannot leave the page waiting: the finder (`find`, with a local fallback) and
 * a card's lookup (`lookup`).
 */
import type { LookupState } from '../card/view-model';
import type { FindResult, Lang } from '../core/mention';
import { sendToWorker } from '../shared/messaging';
import type { FindBody, Result } from '../shared/protocol';

/** Wait before asking a worker that did not answer once more (MV3 workers start in tens of ms). */
const WORKER_RETRY_MS = 250;
/**
 * A worker whose script failed to load never answers (the message neither resolves nor rejects): after this
 * long a `find` counts as unanswered (the first call includes the worker compiling the grammar and loading the
 * gazetteer, a few hundred ms).
 */
const FIND_TIMEOUT_MS = 5000;
/** Same for a card's lookup: the card then says the background service is not responding. */
const LOOKUP_TIMEOUT_MS = 4000;

/** The worker's answer, or a `no-receiver` failure when it does not come in time. */
function withTimeout<T>(p: Promise<Result<T>>, ms: number): Promise<Result<T>> {
  return Promise.race([
    p,
    new Promise<Result<T>>((ok) =>
      setTimeout(
        () => ok({ ok: false, error: { code: 'no-receiver', message: `no answer in ${ms} ms` } }),
        ms,
      ),
    ),
  ]);
}

let localFinder: Promise<typeof import('../core/find')> | undefined;

/** The core finder loaded into the page: a separate chunk, fetched only when it is needed. */
export function loadLocalFinder(): Promise<typeof import('../core/find')> {
  localFinder ??= import('../core/find');
  return localFinder;
}

/**
 * Finds citations in a batch of page text: the worker runs the finder with the instrument gazetteer. If the
 * worker cannot answer, the core finder is loaded into the page (a separate chunk, only then) and runs here
 * without instruments, so a sleeping or broken worker never leaves a page unmarked.
 */
export async function findOnPage(
  text: string,
  lang: Lang | undefined,
  body: FindBody | undefined,
): Promise<FindResult> {
  const req = { text, ...(lang ? { lang } : {}), ...(body ? { body } : {}) };
  let r = await withTimeout(sendToWorker('find', req), FIND_TIMEOUT_MS);
  // A worker that is just waking up may not listen yet: one retry before falling back to the page.
  if (!r.ok && r.error.code === 'no-receiver') {
    await new Promise((ok) => setTimeout(ok, WORKER_RETRY_MS));
    r = await withTimeout(sendToWorker('find', req), FIND_TIMEOUT_MS);
  }
  if (r.ok) return r.value;
  const { findCitations } = await loadLocalFinder();
  return findCitations(text, { ...(lang ? { lang } : {}), ...(body ? { body } : {}) });
}

/** A card's index entry for `key` in the link language `lang` (and the mention's Treaty Series volume). */
export async function lookupCard(key: string, lang: Lang, volume?: number): Promise<LookupState> {
  const r = await withTimeout(
    sendToWorker('lookup', { key, lang, ...(volume ? { volume } : {}) }),
    LOOKUP_TIMEOUT_MS,
  );
  return r.ok ? { status: 'ok', card: r.value } : { status: 'error', error: r.error };
}
