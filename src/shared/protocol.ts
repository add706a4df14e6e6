/**
 * The typed message protocol between the extension's contexts (style.md convention 5).
 *
 * Two directions, one map each:
 * - {@link WorkerProtocol}: content script, popup, trace view, viewer, options → service worker
 *   (`runtime.sendMessage`). The worker answers from the bundled index.
 * - {@link TabProtocol}: popup, trace view, worker → a tab's content script (`tabs.sendMessage`).
 *
 * Every entry names its request payload (`req`) and its success value (`res`). Replies are always a
 * {@link Result}: errors do not survive structured cloning, so a failure is data ({@link ProtocolError}).
 * Requests are validated at the receiving end ({@link workerValidators}, {@link tabValidators}) because any
 * page script that shares a content script's world could try to post look-alike messages.
 *
 * Settings are NOT messages: they live in extension storage (`src/shared/settings.ts`) and every context
 * listens to `storage.onChanged` itself, which also works while the worker sleeps.
 *
 * Adding a message: add it to the map, add its validator (the compiler insists: the validator maps are
 * typed as complete records), handle it on the receiving side.
 */
import type { Card, SearchHit, Trace } from '../core/index/types';
import type { FindResult, Identity, Lang, Mention } from '../core/mention';
import type { MessageTable } from './messages';

// Re-exported so UI code can take every payload type from the protocol.
export type { Card, SearchHit, Trace };

/** A value or a typed failure; what every handler returns across a context boundary. */
export type Result<T, E = ProtocolError> = { ok: true; value: T } | { ok: false; error: E };

/** Why a request failed. `code` is for programs, `message` for logs (cards show a localized text per code). */
export interface ProtocolError {
  code:
    | 'bad-request' // the receiver rejected the payload (validation)
    | 'unknown-message' // no handler for this type (e.g. an older content script)
    | 'not-found' // the key is well formed but unknown to the index and nothing could be derived
    | 'index-unavailable' // the bundled index failed to load (missing or corrupt file)
    | 'no-receiver' // nobody listened: the tab has no content script, or the worker could not start
    | 'internal'; // a handler threw
  message: string;
}

/** Builds a success {@link Result}. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Builds a failure {@link Result}. */
export function err(code: ProtocolError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** A mention on the current page, as the content script reports it. */
export interface PageMention extends Mention {
  /** Position in page order; the handle for `highlightMention`. */
  index: number;
  /** Whether the worker resolved it to an index entry (false: derived/unknown). */
  resolved?: boolean;
}

/**
 * What a page's scanners measured of their own work. The page benchmark reads it to check that no scanning
 * slice runs long by the scanner's own clock, apart from the layout the browser does after a slice.
 */
export interface SliceStats {
  /** Scanning slices run so far. */
  slices: number;
  /** The longest slice so far, in ms: `performance.now()` from a slice's start to its end (marking included). */
  longestSliceMs: number;
}

/** The scan of a page as `pageCitations` reports it: its slices, and whether anything is left to do. */
export interface PageScan extends SliceStats {
  /**
   * True when every scanner of the page is idle (whole document read, nothing queued or in flight) and the
   * mentions near the viewport are drawn.
   */
  idle: boolean;
  /** When the first scan started, in the page's `performance.now()` time (the page benchmark's window opens). */
  startedAt: number;
  /** When the scan last became idle, same clock; absent while it is not idle. */
  idleAt?: number;
}

/** Messages the service worker answers. */
export interface WorkerProtocol {
  /** Card data for one canonical key: the index entry, or a card derived from the key (`known: false`). */
  /** `volume`: the Treaty Series volume the mention cites (finder output), which picks the instrument. */
  lookup: { req: { key: string; lang?: Lang; volume?: number }; res: Card };
  /** Free-text search over keys (any spelling), numbers and title words. */
  search: { req: { query: string; limit?: number; lang?: Lang }; res: SearchHit[] };
  /** Citator data: recalls, cited by, series, with counts. */
  trace: { req: { key: string }; res: Trace };
  /** Open the trace view (side panel / sidebar / page) for a key, or a search when only text is known. */
  openTrace: { req: { key?: string; query?: string }; res: { surface: 'side-panel' | 'sidebar' | 'tab' } };
  /** Liveness probe; also tells whether the index is loaded (the worker reloads it on wake). */
  ping: { req: Record<string, never>; res: { indexLoaded: boolean; version: string } };
  /** Open a PDF in the extension's viewer (VIEWER helper): in the sender's tab when `replace`, else a new tab. */
  openViewer: { req: { file: string; replace?: boolean }; res: { tabId?: number } };
  /**
   * HOVER helper: find the citations in a batch of page text (content script → worker), with the instrument
   * gazetteer; keeps the finder and the gazetteer out of the content script (src/worker/page-finder.ts).
   */
  find: { req: { text: string; lang?: Lang; body?: FindBody }; res: FindResult };
  /**
   * The UI messages of one of the six languages (`_locales`), for a card on a page in another language than
   * the browser's: a content script cannot read the extension's files itself (src/shared/card-messages.ts).
   */
  messages: { req: { lang: Lang }; res: MessageTable };
}

/** Bodies a page can give for "its resolution" in a `find` request (from its own symbol). */
export type FindBody = 'GA' | 'SC' | 'ECOSOC' | 'HRC' | 'CHR';
const FIND_BODIES: ReadonlySet<string> = new Set(['GA', 'SC', 'ECOSOC', 'HRC', 'CHR']);
/** Largest text of one `find` request (the content script sends batches of about 8 000 characters). */
export const MAX_FIND_TEXT = 64_000;

/** Messages a tab's content script answers. */
export interface TabProtocol {
  /**
   * The mentions found on the page (marked or not yet: a big page is marked near the viewport only), with the
   * page's own identity and the state of its scan.
   */
  pageCitations: {
    req: Record<string, never>;
    res: {
      url: string;
      title: string;
      lang: Lang;
      identity: Identity;
      mentions: PageMention[];
      scan: PageScan;
    };
  };
  /** Scroll to and highlight one mention (its `index`). */
  highlightMention: { req: { index: number }; res: { found: boolean } };
  /** The trace view opened for `key`: the page may mark that key's mentions. */
  traceOpened: { req: { key: string }; res: { marked: number } };
  /**
   * The annotated citation under the page's last right-click (the context menu's target), so "Trace
   * citation" on a citation traces it rather than the page. Empty when that right-click was elsewhere or
   * is stale (older than a few seconds: the keyboard command asks too, with no right-click behind it).
   */
  contextCitation: { req: Record<string, never>; res: { key?: string; index?: number } };
}

/** Message names of {@link WorkerProtocol}. */
export type WorkerMessage = keyof WorkerProtocol;
/** Message names of {@link TabProtocol}. */
export type TabMessage = keyof TabProtocol;

/** Request payload of a message of protocol `P`. */
export type Req<P, K extends keyof P> = P[K] extends { req: infer R } ? R : never;
/** Success value of a message of protocol `P`. */
export type Res<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;

/** The wire envelope. `channel` keeps our messages apart from anything else on the runtime port. */
export interface Envelope<K extends string = string, P = unknown> {
  channel: typeof CHANNEL;
  type: K;
  payload: P;
}

/** Tag on every envelope; a message without it is not ours and is ignored. */
export const CHANNEL = 'un-citation-lens/1';

/** A type guard for one request payload. */
export type Validator<T> = (payload: unknown) => payload is T;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const LANG_SET: ReadonlySet<string> = new Set(['en', 'fr', 'es', 'ru', 'zh', 'ar']);
const optLang = (v: unknown): boolean => v === undefined || (typeof v === 'string' && LANG_SET.has(v));
// Keys and queries are short strings; the cap stops a hostile page from making the worker search megabytes.
const MAX_TEXT = 1000;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
// Treaty Series volumes run from 1 to a few thousand; anything else is not a volume a citation gives.
const optVolume = (v: unknown): boolean =>
  v === undefined || (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100000);
const isEmpty = (v: unknown): v is Record<string, never> => v === undefined || isObject(v);

/** Receiving-end validators for {@link WorkerProtocol} requests. */
export const workerValidators: { [K in WorkerMessage]: Validator<Req<WorkerProtocol, K>> } = {
  lookup: (p): p is Req<WorkerProtocol, 'lookup'> =>
    isObject(p) && isText(p.key) && optLang(p.lang) && optVolume(p.volume),
  search: (p): p is Req<WorkerProtocol, 'search'> =>
    isObject(p) &&
    typeof p.query === 'string' &&
    p.query.length <= MAX_TEXT &&
    (p.limit === undefined ||
      (typeof p.limit === 'number' && Number.isInteger(p.limit) && p.limit > 0 && p.limit <= 500)) &&
    optLang(p.lang),
  trace: (p): p is Req<WorkerProtocol, 'trace'> => isObject(p) && isText(p.key),
  openTrace: (p): p is Req<WorkerProtocol, 'openTrace'> =>
    isObject(p) &&
    (p.key === undefined || isText(p.key)) &&
    (p.query === undefined || isText(p.query)) &&
    (p.key !== undefined || p.query !== undefined),
  ping: (p): p is Req<WorkerProtocol, 'ping'> => isEmpty(p),
  // Only web addresses: a page must not make the viewer open file:, javascript: or extension URLs.
  openViewer: (p): p is Req<WorkerProtocol, 'openViewer'> =>
    isObject(p) &&
    typeof p.file === 'string' &&
    p.file.length <= 4000 &&
    /^https?:\/\//i.test(p.file) &&
    (p.replace === undefined || typeof p.replace === 'boolean'),
  find: (p): p is Req<WorkerProtocol, 'find'> =>
    isObject(p) &&
    typeof p.text === 'string' &&
    p.text.length <= MAX_FIND_TEXT &&
    optLang(p.lang) &&
    (p.body === undefined || (typeof p.body === 'string' && FIND_BODIES.has(p.body))),
  messages: (p): p is Req<WorkerProtocol, 'messages'> =>
    isObject(p) && p.lang !== undefined && optLang(p.lang),
};

/** Receiving-end validators for {@link TabProtocol} requests. */
export const tabValidators: { [K in TabMessage]: Validator<Req<TabProtocol, K>> } = {
  pageCitations: (p): p is Req<TabProtocol, 'pageCitations'> => isEmpty(p),
  highlightMention: (p): p is Req<TabProtocol, 'highlightMention'> =>
    isObject(p) && typeof p.index === 'number' && Number.isInteger(p.index) && p.index >= 0,
  traceOpened: (p): p is Req<TabProtocol, 'traceOpened'> => isObject(p) && isText(p.key),
  contextCitation: (p): p is Req<TabProtocol, 'contextCitation'> => isEmpty(p),
};
