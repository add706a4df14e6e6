/**
 * One annotated document (the page or a same-origin iframe): its scanner, which schedules the scan, the
 * highlights that draw what it finds (page-marks.ts), and its hover card.
 */
import type { BodyCode } from '../core/find';
import type { Lang } from '../core/mention';
import { bodyFromSymbol } from '../core/symbol-body';
import type { CardTargets } from '../page-ui/card-host';
import { cardLangOf } from '../shared/link-lang';
import { sendToWorker } from '../shared/messaging';
import type { Settings } from '../shared/settings';
import { copyText } from './clipboard';
import { LazyCard } from './lazy-card';
import { CitationNavigator } from './navigator';
import { bodyFromUrl, findBody, pageLangOf } from './page-facts';
import { noteScannedIdentity } from './page-identity';
import { type PageMark, PageMarks, scrollToMark } from './page-marks';
import { PageScanner } from './scanner';
import { findOnPage, lookupCard } from './worker-calls';

/**
 * Where a document's lens is kept: a property of the document object as the content script's world sees it (an
 * isolated world in Chrome, a sandbox with Xray views in Firefox). The page's own scripts see another wrapper of
 * the document and can neither read it nor set it, and nothing is written into the page's DOM (an attribute on
 * `<html>` would be seen, and could be forged to keep the extension off). `Symbol.for`, so a second copy of the
 * content script in the same world (a programmatic injection) finds it too.
 */
const LENS_OF = Symbol.for('un-citation-lens/document-lens');
/** A document as the content script's world sees it, with its lens. */
type WithLens = Document & { [LENS_OF]?: DocumentLens };

/** The lens already running on `doc` in this world, if any (a frame attached once, a re-injected script). */
export function lensOf(doc: Document): DocumentLens | undefined {
  return (doc as WithLens)[LENS_OF];
}

/** What a document needs from the extension on its tab (the {@link Lens}). */
export interface LensContext {
  readonly settings: Settings;
  /** The body whose document the top page is (from its URL). */
  readonly body: BodyCode | undefined;
  /** The key "Trace citation" last highlighted on this page. */
  readonly tracedKey: string | undefined;
  linkLang(): Lang;
  /** Every mention of the page, drawn or not, in page order (the card's "cited N times" counts the top page's). */
  orderedOf(doc: Document): PageMark[];
  turnSiteOff(): Promise<void>;
}

/** Scanner, highlights and card of one document (the page or a same-origin iframe). */
export class DocumentLens {
  readonly scanner: PageScanner;
  readonly marks: PageMarks;
  readonly card: LazyCard;
  readonly navigator: CitationNavigator;
  /** When the scan started and when it was last complete with what is near the viewport drawn (`performance.now()`). */
  readonly startedAt = performance.now();
  idleAt: number | undefined;

  constructor(
    readonly doc: Document,
    private readonly ctx: LensContext,
  ) {
    (doc as WithLens)[LENS_OF] = this;
    this.marks = new PageMarks(doc);
    const pageLang = pageLangOf(doc);
    let body = findBody(bodyFromUrl(doc.URL) ?? ctx.body);
    this.card = new LazyCard(
      doc,
      this.marks,
      this.targets(),
      {
        lookup: (key, volume) => lookupCard(key, ctx.linkLang(), volume),
        linkLang: () => ctx.linkLang(),
        pageLang: pageLang ?? 'en',
        // The card speaks the page's language unless the reader chose otherwise (settings `cardLang`).
        cardLang: () => cardLangOf(ctx.settings, pageLang),
        trace: (key) => void sendToWorker('openTrace', { key }),
        siteOff: () => void ctx.turnSiteOff(),
        copy: (text) => copyText(doc, text),
      },
      ctx.settings.hoverDelayMs,
    );
    this.navigator = new CitationNavigator(doc, {
      ordered: () => ctx.orderedOf(doc),
      marks: this.marks,
      open: (m) => this.card.open(m, true),
      closeCard: () => this.card.close(),
    });
    this.scanner = new PageScanner(doc, {
      find: async (text, lang) => {
        const r = await findOnPage(text, lang, body);
        // The page's own symbol (masthead) tells whose "its resolution" the rest of the page means.
        body ??= bodyFromSymbol(r.identity.key);
        if (doc === document) noteScannedIdentity(r.identity);
        return r;
      },
      kinds: ctx.settings.kinds,
      ...(pageLang ? { pageLang } : {}),
      onMarked: (ms) => {
        this.idleAt = undefined;
        for (const m of ms) this.marks.add(m);
      },
      drop: (root) => this.marks.dropWithin(root),
      // Tests and the page benchmark wait for this (the `scan` of the `pageCitations` reply) instead of guessing.
      onIdle: () => {
        // Idle means drawn: what is near the viewport is in the highlights before the scan says so.
        void this.marks.whenSettled().then(() => {
          if (this.idle && lensOf(doc) === this) this.idleAt ??= performance.now();
        });
      },
    });
    // The traced key of the page (mentions found later get its look as they are drawn).
    if (ctx.tracedKey) this.marks.setTraced(ctx.tracedKey);
    this.scanner.start();
  }

  /** True when the whole document is read and what is near the viewport is drawn. */
  get idle(): boolean {
    return this.scanner.idle && this.marks.settled;
  }

  /** The card's view of this document's mentions (highlights: no element to focus or to mark expanded). */
  private targets(): CardTargets {
    const byId = (id: string) => this.marks.byId.get(id);
    return {
      elementEvents: false,
      get: (id) => {
        const m = byId(id);
        if (!m) return undefined;
        const data = {
          id: m.id,
          key: m.key,
          kind: m.kind,
          ...(m.date ? { date: m.date } : {}),
          ...(m.part ? { part: m.part } : {}),
          ...(m.volume ? { volume: m.volume } : {}),
        };
        return { data, surface: m.range.toString() || m.surface };
      },
      idsOf: (key) =>
        this.ctx
          .orderedOf(this.doc)
          .filter((m) => m.key === key)
          .map((m) => m.id),
      reference: (id) => {
        const m = byId(id);
        if (!m) return undefined;
        const rects = () => [...m.range.getClientRects()];
        return {
          contextElement: m.block,
          // The first line box of the mention: a card under a citation that wraps lines sits under its start.
          getBoundingClientRect: () => rects()[0] ?? m.range.getBoundingClientRect(),
          getClientRects: rects,
        };
      },
      reveal: (id) => {
        const m = byId(id);
        if (m) scrollToMark(m);
      },
      setExpanded: () => {},
      // Escape in a card the navigator opened gives the keyboard back to the navigator.
      focus: () => this.navigator.refocus(),
      // Tab past the card's last control: the navigator moves on to the next citation.
      focusNext: () => this.navigator.next(),
    };
  }

  /** Changes the hover delay (live setting). */
  setDwell(ms: number): void {
    this.card.setDwell(ms);
  }

  destroy(): void {
    this.scanner.stop();
    this.card.destroy();
    this.navigator.destroy();
    this.marks.destroy();
    const doc = this.doc as WithLens;
    if (doc[LENS_OF] === this) delete doc[LENS_OF];
  }
}
