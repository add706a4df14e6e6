/**
 * The extension on one tab: the user's settings, the top document and its same-origin frames, and the page's
 * mentions in page order (for the card's "cited N times", the popup's page list and the trace view).
 */
import type { BodyCode } from '../core/find';
import type { Lang } from '../core/mention';
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
import { DocumentLens, type LensContext, lensOf } from './document-lens';
import { bodyFromUrl } from './page-facts';
import type { PageMark } from './page-marks';

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
    if (lensOf(doc)) return;
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

  /** The scan of the page and its same-origin frames (one main thread): all idle, slices summed, longest. */
  scanStats(): PageScan {
    const stats = this.docs.map((d) => d.scanner.sliceStats);
    const idle = this.docs.every((d) => d.idle);
    const idleAt = this.docs.map((d) => d.idleAt);
    return {
      idle,
      slices: stats.reduce((n, s) => n + s.slices, 0),
      longestSliceMs: Math.max(0, ...stats.map((s) => s.longestSliceMs)),
      startedAt: this.docs.length ? Math.min(...this.docs.map((d) => d.startedAt)) : 0,
      ...(idle && idleAt.every((t) => t !== undefined) ? { idleAt: Math.max(0, ...idleAt) } : {}),
    };
  }

  /** The top document's lens (its scanner, highlights and card). */
  topLens(): DocumentLens | undefined {
    return this.docs.find((d) => d.doc === this.top);
  }

  /** Every mention of `doc`, in page order (found mentions are drawn at once: there is no "not drawn yet"). */
  orderedOf(doc: Document): PageMark[] {
    return this.docs.find((d) => d.doc === doc)?.marks.ordered() ?? [];
  }

  /** Every mention of the top page in page order, with what the scanner found. */
  pageMentions(): { heads: PageMark[]; mentions: PageMention[] } {
    const heads = this.orderedOf(this.top);
    const mentions: PageMention[] = heads.map((m, index) => ({
      index,
      offset: m.offset,
      end: m.end,
      surface: m.surface,
      kind: m.kind,
      key: m.key,
      ...(m.date ? { date: m.date } : {}),
      ...(m.part ? { part: m.part } : {}),
      ...(m.volume ? { volume: m.volume } : {}),
      ...(m.confidence !== undefined ? { confidence: m.confidence } : {}),
    }));
    return { heads, mentions };
  }

  /** The `index`th mention of the top page. */
  headAt(index: number): PageMark | undefined {
    return this.orderedOf(this.top)[index];
  }
}
