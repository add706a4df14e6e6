/**
 * Content-script entry (the manifest points here). On an enabled site: scan the page for UN citations, mark
 * each one, run the hover card, answer the tab protocol, and follow the user's settings live
 * (`storage.onChanged`). Same-origin iframes get their own scanner and card.
 *
 * What loads at start is kept small (`content_script_kb` in scripts/bench/page.ts): the finder and the instrument
 * gazetteer run in the worker (`find` message, src/content/page-finder.ts), the hover card is a separate chunk
 * loaded on the first interaction with a mark, and the core finder is loaded into the page only if the worker
 * cannot answer.
 */
import type { BodyCode } from '../core/find';
import type { FindResult, Identity, Lang } from '../core/mention';
import { LANGS } from '../core/mention';
import { browser } from '../shared/browser';
import { createTabListener, sendToWorker } from '../shared/messaging';
import type { FindBody, PageMention, PageScan, Result } from '../shared/protocol';
import {
  isSiteEnabled,
  loadSettings,
  normalizeSettings,
  resolveLinkLang,
  SETTINGS_KEY,
  type Settings,
  saveSettings,
  withSiteOff,
} from '../shared/settings';
import type { CardHost, CardHostDeps, Occurrences } from './card-host';
import { prepareMark } from './mark-a11y';
import { initOpenWithCitations } from './open-with-citations';
import { type MarkedMention, PageScanner, type PendingMention } from './scanner';
import { MARK_TAG } from './text-runs';
import { unwrapAll } from './wrap';

const MARK = MARK_TAG.toLowerCase();

/** Quiet-link look of marks on the page (static text; a constructed sheet is not blocked by page CSP). */
const MARK_CSS = `
${MARK} { text-decoration: underline dotted currentColor; text-decoration-thickness: 1px; text-underline-offset: 2px; cursor: help; }
a ${MARK} { cursor: pointer; }
${MARK}:focus-visible { outline: 2px solid #36c; outline-offset: 1px; border-radius: 2px; }
${MARK}[data-un-flash] { background: rgba(255, 204, 51, .45); }
${MARK}[data-un-traced] { background: rgba(255, 230, 150, .35); }
`;

/**
 * Marker on a document's root that a scanner already runs there (re-injection, parent frame); its value is
 * `scanning` or `idle`.
 */
const RUNNING_ATTR = 'data-un-citation-lens';

function installMarkStyles(doc: Document): () => void {
  try {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(MARK_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = MARK_CSS;
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}

/** The page's language when `<html lang>` names one of the six. */
export function pageLangOf(doc: Document): Lang | undefined {
  const base = (doc.documentElement.lang || '').toLowerCase().split('-')[0] as Lang;
  return LANGS.includes(base) ? base : undefined;
}

/** The body of the document a UN URL shows (`undocs.org/en/A/RES/77/176` → GA), for "its resolution". */
export function bodyFromUrl(url: string): BodyCode | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const m = /(?:^|\/)((?:A|S|E)\/(?:[A-Z]+\/)*(?:RES|DEC|PRST)?\/?[\w.()/-]+)/.exec(path);
  return m ? bodyFromSymbol(m[1]!.toUpperCase()) : undefined;
}

/** The bodies a `find` request can carry (the others leave "its resolution" to the text). */
function findBody(b: BodyCode | undefined): FindBody | undefined {
  return b === 'GA' || b === 'SC' || b === 'ECOSOC' || b === 'HRC' || b === 'CHR' ? b : undefined;
}

/**
 * The body of a UN symbol, by its series letters (A/HRC/ → HRC, E/CN.4/ → CHR, A/ → GA, S/ → SC, E/ → ECOSOC).
 * Kept here rather than importing the core's identity module, which would pull the grammar into the start-up
 * script.
 */
export function bodyFromSymbol(key: string | undefined): FindBody | undefined {
  if (!key) return undefined;
  if (/^A\/HRC\//.test(key)) return 'HRC';
  if (/^E\/CN\.4\//.test(key)) return 'CHR';
  if (/^A\//.test(key)) return 'GA';
  if (/^S\//.test(key)) return 'SC';
  if (/^E\//.test(key)) return 'ECOSOC';
  return undefined;
}

let localFinder: Promise<typeof import('../core/find')> | undefined;

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

/**
 * Finds citations in a batch of page text: the worker runs the finder with the instrument gazetteer. If the
 * worker cannot answer, the core finder is loaded into the page (a separate chunk, only then) and runs here
 * without instruments, so a sleeping or broken worker never leaves a page unmarked.
 */
async function findOnPage(
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
  localFinder ??= import('../core/find');
  const { findCitations } = await localFinder;
  return findCitations(text, { ...(lang ? { lang } : {}), ...(body ? { body } : {}) });
}

async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no focus, older browser): the classic selection copy still works on a click.
    const ta = doc.createElement('textarea');
    ta.value = text;
    ta.style.setProperty('position', 'fixed');
    ta.style.setProperty('opacity', '0');
    doc.documentElement.append(ta);
    ta.select();
    const ok = doc.execCommand('copy');
    ta.remove();
    return ok;
  }
}

/** True for a mention listed by the scanner but not marked yet (its block is far from the viewport). */
function isPending(h: HTMLElement | PendingMention): h is PendingMention {
  return 'anchor' in h && 'source' in h;
}

/** Scanner + card of one document (the page or a same-origin iframe). */
class DocumentLens {
  readonly scanner: PageScanner;
  /** The hover card, loaded on the first interaction with a mark (keeps the start-up script small). */
  card: CardHost | null = null;
  private cardLoading: Promise<CardHost> | null = null;
  private readonly deps: CardHostDeps;
  private dwellMs: number;
  private readonly boot = new AbortController();
  private hovered: Element | null = null;
  private readonly removeStyles: () => void;

  constructor(
    readonly doc: Document,
    private readonly ctx: Lens,
  ) {
    doc.documentElement.setAttribute(RUNNING_ATTR, 'scanning');
    this.removeStyles = installMarkStyles(doc);
    const pageLang = pageLangOf(doc);
    let body = findBody(bodyFromUrl(doc.URL) ?? ctx.body);
    this.deps = {
      lookup: async (key) => {
        const r = await withTimeout(sendToWorker('lookup', { key, lang: ctx.linkLang() }), LOOKUP_TIMEOUT_MS);
        return r.ok ? { status: 'ok', card: r.value } : { status: 'error', error: r.error };
      },
      occurrences: (key) => ctx.occurrencesOf(doc, key),
      linkLang: () => ctx.linkLang(),
      pageLang: pageLang ?? 'en',
      trace: (key) => void sendToWorker('openTrace', { key }),
      siteOff: () => void ctx.turnSiteOff(),
      copy: (text) => copyText(doc, text),
    };
    this.dwellMs = ctx.settings.hoverDelayMs;
    this.bootListen();
    this.scanner = new PageScanner(doc, {
      find: async (text, lang) => {
        const r = await findOnPage(text, lang, body);
        // The page's own symbol (masthead) tells whose "its resolution" the rest of the page means.
        body ??= findBody(bodyFromSymbol(r.identity.key));
        if (r.identity.key && doc === document && !scannedIdentity) scannedIdentity = r.identity;
        return r;
      },
      kinds: ctx.settings.kinds,
      ...(pageLang ? { pageLang } : {}),
      onMarked: (ms) => this.onMarked(ms),
      // Tests and the page benchmark wait for this instead of guessing a delay.
      onIdle: () => doc.documentElement.setAttribute(RUNNING_ATTR, 'idle'),
    });
    this.scanner.start();
  }

  private onMarked(mentions: MarkedMention[]): void {
    for (const m of mentions) {
      const head = m.marks[0];
      if (!head) continue;
      if (m.date) head.dataset.unDate = m.date;
      if (m.part) head.dataset.unPart = m.part;
      if (m.volume) head.dataset.unVolume = String(m.volume);
      if (m.key === this.ctx.tracedKey) head.dataset.unTraced = '';
      prepareMark(head);
    }
  }

  /** Changes the hover delay (live setting). */
  setDwell(ms: number): void {
    this.dwellMs = ms;
    this.card?.setDwell(ms);
  }

  private loadCard(): Promise<CardHost> {
    this.cardLoading ??= import('./card-host').then((m) => {
      this.card = new m.CardHost(this.doc, this.deps, this.dwellMs);
      this.boot.abort();
      return this.card;
    });
    return this.cardLoading;
  }

  /** Until the card is loaded, the first interaction with a mark loads it and is replayed to it. */
  private bootListen(): void {
    const opts = { capture: true, signal: this.boot.signal };
    const onMark = (e: Event) => (e.target as Element | null)?.closest?.(MARK) ?? null;
    const trigger = (e: Event, still: () => boolean) => {
      if (!onMark(e) && !(e.type === 'focusin' && (e.target as Element).querySelector?.(MARK))) return;
      void this.loadCard().then((card) => {
        if (still()) card.replay(e);
      });
    };
    this.doc.addEventListener(
      'pointerover',
      (e) => {
        this.hovered = onMark(e);
        trigger(e, () => this.hovered !== null && this.hovered === onMark(e));
      },
      opts,
    );
    this.doc.addEventListener('pointerout', () => (this.hovered = null), opts);
    this.doc.addEventListener('focusin', (e) => trigger(e, () => this.doc.activeElement === e.target), opts);
    this.doc.addEventListener('click', (e) => trigger(e, () => true), opts);
    this.doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Enter' || e.key === ' ') trigger(e, () => true);
      },
      opts,
    );
  }

  destroy(): void {
    this.scanner.stop();
    this.boot.abort();
    this.card?.destroy();
    unwrapAll(this.doc.body ?? this.doc.documentElement);
    this.removeStyles();
    this.doc.documentElement.removeAttribute(RUNNING_ATTR);
  }
}

/** The extension on one tab: settings, the top document and its same-origin frames. */
class Lens {
  settings: Settings;
  /** The key "Trace citation" last highlighted on this page (marks added later get the highlight too). */
  tracedKey: string | undefined;
  readonly body: BodyCode | undefined;
  private docs: DocumentLens[] = [];

  constructor(
    settings: Settings,
    private readonly top: Document,
  ) {
    this.settings = settings;
    this.body = bodyFromUrl(top.URL);
  }

  linkLang(): Lang {
    return resolveLinkLang(this.settings, navigator.languages ?? [navigator.language]);
  }

  get active(): boolean {
    return this.docs.length > 0;
  }

  start(): void {
    if (this.active) return;
    this.attach(this.top);
  }

  private attach(doc: Document): void {
    if (doc.documentElement.hasAttribute(RUNNING_ATTR)) return;
    this.docs.push(new DocumentLens(doc, this));
    for (const frame of doc.querySelectorAll('iframe')) {
      const tryFrame = () => {
        try {
          const inner = frame.contentDocument; // null or throws when cross-origin
          if (inner?.documentElement && inner.readyState !== 'loading' && this.active) this.attach(inner);
        } catch {
          // Cross-origin frame: not ours to touch.
        }
      };
      tryFrame();
      frame.addEventListener('load', tryFrame);
    }
  }

  stop(): void {
    for (const d of this.docs) d.destroy();
    this.docs = [];
  }

  apply(next: Settings): void {
    const kindsChanged = JSON.stringify(next.kinds) !== JSON.stringify(this.settings.kinds);
    this.settings = next;
    const on = isSiteEnabled(next, location.hostname);
    if (!on || kindsChanged) this.stop();
    if (on) this.start();
    for (const d of this.docs) d.setDwell(next.hoverDelayMs);
  }

  async turnSiteOff(): Promise<void> {
    this.stop();
    this.settings = await saveSettings(browser.storage.sync, withSiteOff(this.settings, location.hostname));
  }

  /**
   * Every mention of the top page in page order, with what the scanner found: the marked ones (their heads) and,
   * on a big page marked lazily, those found in blocks not marked yet (`pending`, marked on demand by `headAt`).
   */
  pageMentions(): { heads: (HTMLElement | PendingMention)[]; mentions: PageMention[] } {
    const byId = new Map<string, MarkedMention>();
    for (const d of this.docs) for (const m of d.scanner.mentions) byId.set(m.id, m);
    const heads = this.pageHeads();
    const mentions: PageMention[] = heads.map((h, index) => {
      const m = isPending(h) ? h : byId.get(h.dataset.unId ?? '');
      const surface = m?.surface ?? (h as HTMLElement).textContent ?? '';
      return {
        index,
        offset: m?.offset ?? 0,
        end: m?.end ?? surface.length,
        surface,
        kind: m?.kind ?? ((h as HTMLElement).dataset.unKind as PageMention['kind']),
        key: m?.key ?? (h as HTMLElement).dataset.unKey ?? '',
        ...(m?.date ? { date: m.date } : {}),
        ...(m?.part ? { part: m.part } : {}),
        ...(m?.volume ? { volume: m.volume } : {}),
        ...(m?.confidence !== undefined ? { confidence: m.confidence } : {}),
      };
    });
    return { heads, mentions };
  }

  /** The scan of the page and its same-origin frames (one main thread): all idle, slices summed, longest. */
  scanStats(): PageScan {
    const stats = this.docs.map((d) => ({ idle: d.scanner.idle, ...d.scanner.sliceStats }));
    return {
      idle: stats.every((s) => s.idle),
      slices: stats.reduce((n, s) => n + s.slices, 0),
      longestSliceMs: Math.max(0, ...stats.map((s) => s.longestSliceMs)),
    };
  }

  /** The heads of the top page's mentions in page order, marked or pending (see {@link pageMentions}). */
  private pageHeads(): (HTMLElement | PendingMention)[] {
    const top = this.docs.find((d) => d.doc === this.top);
    const pending = top?.scanner.pending();
    let heads: (HTMLElement | PendingMention)[];
    if (!pending?.size) {
      heads = [...this.top.querySelectorAll<HTMLElement>(`${MARK}[data-un-head]`)];
    } else {
      // One walk over the elements puts both in page order (compareDocumentPosition between paragraphs of a
      // big flat page walks the sibling list each time: quadratic). A block's pending mentions come where
      // the block starts.
      heads = [];
      const root = this.top.body ?? this.top.documentElement;
      const walker = this.top.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let el = walker.currentNode as Element | null; el; el = walker.nextNode() as Element | null) {
        const p = pending.get(el);
        if (p) heads.push(...p);
        else if (el.tagName === MARK_TAG && el.hasAttribute('data-un-head')) heads.push(el as HTMLElement);
      }
    }
    return heads;
  }

  /**
   * The mentions of `key` in `doc` for its card: on the top page the pending ones too (a big page is marked
   * lazily, and "cited N times" counts them all); in a frame, its marked heads.
   */
  occurrencesOf(doc: Document, key: string): Occurrences {
    const top = this.docs.find((d) => d.doc === this.top);
    const heads =
      doc === this.top ? this.pageHeads() : [...doc.querySelectorAll<HTMLElement>(`${MARK}[data-un-head]`)];
    return {
      list: heads.filter((h) => (isPending(h) ? h.key : h.dataset.unKey) === key),
      reveal: (p) => top?.scanner.markPending(p)?.marks[0],
    };
  }

  /** The head of the `index`th mention of the page, marking its block first when it is not marked yet. */
  headAt(index: number): HTMLElement | undefined {
    const h = this.pageMentions().heads[index];
    if (!h || !isPending(h)) return h;
    const top = this.docs.find((d) => d.doc === this.top);
    return top?.scanner.markPending(h)?.marks[0];
  }
}

/** How much of the page's text is read for its own identity: the masthead and title line sit at the top. */
const IDENTITY_CHARS = 4000;
/** A right-click this recent is what "Trace citation" was chosen on (the menu follows it within seconds). */
const CONTEXT_FRESH_MS = 10_000;

/** The page's identity as the scan's finder answers reported it (first batch with a masthead or title line). */
let scannedIdentity: Identity | undefined;

/**
 * The page's own document (masthead symbol, title line), for "Trace citation" on the page itself: what the scan
 * found, else the top of the page read by the finder, loaded only now (it is not part of the start-up script).
 */
async function pageIdentity(doc: Document): Promise<Identity> {
  if (scannedIdentity?.key) return scannedIdentity;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script,style,noscript,template')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  for (let n = walker.nextNode(); n && text.length < IDENTITY_CHARS; n = walker.nextNode())
    text += `${n.nodeValue}\n`;
  localFinder ??= import('../core/find');
  const { findCitations } = await localFinder;
  return findCitations(text.slice(0, IDENTITY_CHARS)).identity;
}

async function main(): Promise<void> {
  // A second injection into the same frame (extension reload, programmatic injection) must not double up.
  const flag = globalThis as { __unCitationLens?: boolean };
  if (flag.__unCitationLens) return;
  flag.__unCitationLens = true;

  const area = browser.storage.sync;
  const lens = new Lens(await loadSettings(area), document);
  if (isSiteEnabled(lens.settings, location.hostname)) lens.start();

  browser.storage.onChanged.addListener((changes, areaName) => {
    const change = changes[SETTINGS_KEY];
    if (areaName === 'sync' && change) lens.apply(normalizeSettings(change.newValue));
  });

  // Only the top frame answers the tab protocol (the worker addresses frameId 0).
  if (window !== window.top) return;
  // VIEWER helper: "Open with citations" on UN pages that show a PDF (src/content/open-with-citations.ts).
  if (isSiteEnabled(lens.settings, location.hostname)) {
    initOpenWithCitations(document, {
      auto: lens.settings.openPdfsInViewer,
      open: (file, replace) => void sendToWorker('openViewer', { file, replace }),
    });
  }
  // The annotated citation under the last right-click: the menu's click data does not say which element it was.
  let context: { mark: HTMLElement; at: number } | undefined;
  document.addEventListener(
    'contextmenu',
    (e) => {
      const mark = e.target instanceof Element ? e.target.closest<HTMLElement>(`${MARK}[data-un-key]`) : null;
      context = mark ? { mark, at: Date.now() } : undefined;
    },
    true,
  );
  browser.runtime.onMessage.addListener(
    createTabListener({
      contextCitation: () => {
        if (!context || Date.now() - context.at > CONTEXT_FRESH_MS) return {};
        const { mark } = context;
        const index = lens
          .pageMentions()
          .heads.findIndex(
            (h) =>
              h === mark ||
              (!isPending(h) && mark.dataset.unId !== undefined && h.dataset.unId === mark.dataset.unId),
          );
        return { key: mark.dataset.unKey!, ...(index >= 0 ? { index } : {}) };
      },
      pageCitations: async () => ({
        url: location.href,
        title: document.title,
        lang: pageLangOf(document) ?? 'en',
        identity: await pageIdentity(document),
        mentions: lens.pageMentions().mentions,
        scan: lens.scanStats(),
      }),
      highlightMention: ({ index }) => {
        const head = lens.headAt(index);
        if (!head) return { found: false };
        head.scrollIntoView({ block: 'center' });
        head.dataset.unFlash = '';
        setTimeout(() => delete head.dataset.unFlash, 1500);
        head.focus({ preventScroll: true });
        return { found: true };
      },
      traceOpened: ({ key }) => {
        let marked = 0;
        // Mentions not marked yet (big page) get the highlight when their marks go in (`onMarked`).
        lens.tracedKey = key;
        for (const h of lens.pageMentions().heads) {
          if (isPending(h)) {
            if (h.key === key) marked++;
          } else if (h.dataset.unKey === key) {
            h.dataset.unTraced = '';
            marked++;
          } else delete h.dataset.unTraced;
        }
        return { marked };
      },
    }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
}

void main();
