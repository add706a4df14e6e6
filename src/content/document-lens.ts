/**
 * One annotated document (the page or a same-origin iframe): its scanner, which schedules the scan and marks
 * mentions, its mark styles and its hover card.
 */
import type { BodyCode } from '../core/find';
import type { Lang } from '../core/mention';
import type { Occurrences } from '../page-ui/card-host';
import { prepareMark, setMarkFlag, writeMarkDetails } from '../page-ui/marks';
import { sendToWorker } from '../shared/messaging';
import type { Settings } from '../shared/settings';
import { copyText } from './clipboard';
import { LazyCard } from './lazy-card';
import { installMarkStyles } from './mark-styles';
import { bodyFromSymbol, bodyFromUrl, findBody, pageLangOf } from './page-facts';
import { noteScannedIdentity } from './page-identity';
import { type MarkedMention, PageScanner, type PendingMention } from './scanner';
import { findOnPage, lookupCard } from './worker-calls';
import { unwrapAll } from './wrap';

/**
 * Marker on a document's root that a scanner already runs there (re-injection, parent frame); its value is
 * `scanning` or `idle`.
 */
export const RUNNING_ATTR = 'data-un-citation-lens';

/** What a document needs from the extension on its tab (the {@link Lens}). */
export interface LensContext {
  readonly settings: Settings;
  /** The body whose document the top page is (from its URL). */
  readonly body: BodyCode | undefined;
  /** The key "Trace citation" last highlighted on this page. */
  readonly tracedKey: string | undefined;
  linkLang(): Lang;
  occurrencesOf(doc: Document, key: string): Occurrences<PendingMention>;
  turnSiteOff(): Promise<void>;
}

/** Scanner + card of one document (the page or a same-origin iframe). */
export class DocumentLens {
  readonly scanner: PageScanner;
  private readonly card: LazyCard;
  private readonly removeStyles: () => void;

  constructor(
    readonly doc: Document,
    private readonly ctx: LensContext,
  ) {
    doc.documentElement.setAttribute(RUNNING_ATTR, 'scanning');
    this.removeStyles = installMarkStyles(doc);
    const pageLang = pageLangOf(doc);
    let body = findBody(bodyFromUrl(doc.URL) ?? ctx.body);
    this.card = new LazyCard(
      doc,
      {
        lookup: (key) => lookupCard(key, ctx.linkLang()),
        occurrences: (key) => ctx.occurrencesOf(doc, key),
        linkLang: () => ctx.linkLang(),
        pageLang: pageLang ?? 'en',
        trace: (key) => void sendToWorker('openTrace', { key }),
        siteOff: () => void ctx.turnSiteOff(),
        copy: (text) => copyText(doc, text),
      },
      ctx.settings.hoverDelayMs,
    );
    this.scanner = new PageScanner(doc, {
      find: async (text, lang) => {
        const r = await findOnPage(text, lang, body);
        // The page's own symbol (masthead) tells whose "its resolution" the rest of the page means.
        body ??= findBody(bodyFromSymbol(r.identity.key));
        if (doc === document) noteScannedIdentity(r.identity);
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
      writeMarkDetails(head, m);
      if (m.key === this.ctx.tracedKey) setMarkFlag(head, 'traced', true);
      prepareMark(head);
    }
  }

  /** Changes the hover delay (live setting). */
  setDwell(ms: number): void {
    this.card.setDwell(ms);
  }

  destroy(): void {
    this.scanner.stop();
    this.card.destroy();
    unwrapAll(this.doc.body ?? this.doc.documentElement);
    this.removeStyles();
    this.doc.documentElement.removeAttribute(RUNNING_ATTR);
  }
}
