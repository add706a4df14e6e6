/**
 * The extension on one tab: the user's settings, the top document and its same-origin frames, and the page's
 * mentions in page order (for the card's "cited N times", the popup's page list and the trace view).
 */
import type { BodyCode } from '../core/find';
import type { Lang } from '../core/mention';
import type { Occurrences } from '../page-ui/card-host';
import { HEAD_SELECTOR, isHead, readMark } from '../page-ui/marks';
import { browser, t } from '../shared/browser';
import { linkLangOf } from '../shared/link-lang';
import type { PageMention, PageScan } from '../shared/protocol';
import {
  isSiteEnabled,
  loadSettings,
  type Settings,
  saveSettings,
  withSiteOff,
  withSiteOn,
} from '../shared/settings';
import { DocumentLens, type LensContext, RUNNING_ATTR } from './document-lens';
import { bodyFromUrl } from './page-facts';
import type { MarkedMention, PendingMention } from './scanner';

/** True for a mention listed by the scanner but not marked yet (its block is far from the viewport). */
export function isPending(h: HTMLElement | PendingMention): h is PendingMention {
  return 'anchor' in h && 'source' in h;
}

/** The extension on one tab: settings, the top document and its same-origin frames. */
export class Lens implements LensContext {
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
    return linkLangOf(this.settings);
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
    const host = location.hostname;
    this.settings = await saveSettings(browser.storage.sync, withSiteOff(this.settings, host));
    // One click on a card switched the whole site off: say so, with the way back. (The card's chunk, which
    // holds the notice, is loaded already: this runs from the card's button.)
    const { showUndoToast } = await import('../card/render');
    showUndoToast(document, {
      text: t('siteOffToast', host),
      undoLabel: t('siteOffUndo'),
      // The setting changes; the storage listener (index.ts) starts the lens again.
      onUndo: async () => {
        const current = await loadSettings(browser.storage.sync);
        await saveSettings(browser.storage.sync, { disabledSites: withSiteOn(current, host).disabledSites });
      },
    });
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
      const mark = isPending(h) ? undefined : readMark(h);
      const m = isPending(h) ? h : byId.get(mark?.id ?? '');
      const surface = m?.surface ?? (h as HTMLElement).textContent ?? '';
      return {
        index,
        offset: m?.offset ?? 0,
        end: m?.end ?? surface.length,
        surface,
        kind: m?.kind ?? (mark?.kind as PageMention['kind']),
        key: m?.key ?? mark?.key ?? '',
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
      heads = [...this.top.querySelectorAll<HTMLElement>(HEAD_SELECTOR)];
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
        else if (isHead(el)) heads.push(el as HTMLElement);
      }
    }
    return heads;
  }

  /**
   * The mentions of `key` in `doc` for its card: on the top page the pending ones too (a big page is marked
   * lazily, and "cited N times" counts them all); in a frame, its marked heads.
   */
  occurrencesOf(doc: Document, key: string): Occurrences<PendingMention> {
    const top = this.docs.find((d) => d.doc === this.top);
    const heads = doc === this.top ? this.pageHeads() : [...doc.querySelectorAll<HTMLElement>(HEAD_SELECTOR)];
    return {
      list: heads.filter((h) => (isPending(h) ? h.key : readMark(h)?.key) === key),
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
