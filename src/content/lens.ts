/**
 * The extension on one tab: the user's settings, the top document and its same-origin frames, and the page's
 * mentions in page order (for the card's "cited N times", the popup's page list and the trace view).
 */
import type { BodyCode } from '../core/find';
import type { Lang } from '../core/mention';
import { browser } from '../shared/browser';
import { linkLangOf } from '../shared/link-lang';
import type { PageMention } from '../shared/protocol';
import { isSiteEnabled, type Settings, saveSettings, withSiteOff } from '../shared/settings';
import { DocumentLens, type LensContext, RUNNING_ATTR } from './document-lens';
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
