/**
 * The hover card of one web page and what drives it. Mentions are highlights, not elements, so no event targets
 * them: the pointer is hit-tested against their ranges (page-marks.ts) on each (trusted) move, a click on one
 * opens its card, and focusing a page link that holds one opens that one's. The card itself (a separate chunk,
 * which keeps the start-up script small) is loaded on the first interaction with a mention.
 */
import type { CardHost, CardHostDeps, CardTargets } from '../page-ui/card-host';
import { CARD_HOST_TAG } from '../page-ui/marks';
import type { PageMark, PageMarks } from './page-marks';
import { blockOf } from './text-runs';

export class LazyCard {
  /** The card, once loaded. */
  card: CardHost | null = null;
  private loading: Promise<CardHost> | null = null;
  private readonly abort = new AbortController();
  /** The mention under the pointer (or focused through its link). */
  private current: PageMark | null = null;
  private frame = 0;
  private last: { x: number; y: number } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly marks: PageMarks,
    private readonly targets: CardTargets,
    private readonly deps: CardHostDeps,
    private dwellMs: number,
  ) {
    this.listen();
  }

  /** Changes the hover delay (live setting). */
  setDwell(ms: number): void {
    this.dwellMs = ms;
    this.card?.setDwell(ms);
  }

  destroy(): void {
    this.abort.abort();
    cancelAnimationFrame(this.frame);
    this.card?.destroy();
  }

  /** Opens a mention's card at once (the keyboard navigator's Enter); `focusCard` moves focus into it. */
  open(m: PageMark, focusCard: boolean): void {
    void this.load().then((card) => card.activate(m.id, m.key, focusCard));
  }

  /** Closes the card (Escape from the navigator). */
  close(): void {
    this.card?.close();
  }

  private load(): Promise<CardHost> {
    this.loading ??= import('../page-ui/card-host').then((m) => {
      // Closed: the page may neither read the card nor reach its buttons.
      this.card = new m.CardHost(this.doc, this.deps, this.dwellMs, {
        shadow: 'closed',
        targets: this.targets,
      });
      return this.card;
    });
    return this.loading;
  }

  /** The pointer or focus is now on `m` (or on no mention). */
  private moveTo(m: PageMark | null, via: 'pointer' | 'focus'): void {
    if (m?.id === this.current?.id) return;
    const before = this.current;
    this.current = m;
    if (before) this.card?.leave(before.id);
    if (m) {
      void this.load().then((card) => {
        if (this.current?.id === m.id) card.enter(m.id, m.key, via);
      });
    }
  }

  private listen(): void {
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    const isHost = (t: EventTarget | null) => (t as Element | null)?.tagName === CARD_HOST_TAG;
    // Hit-testing once per frame is enough for a 150 ms dwell, and keeps a fast pointer cheap.
    this.doc.addEventListener(
      'pointermove',
      (e) => {
        // A page script's synthetic pointer event drives nothing.
        if (!e.isTrusted || e.pointerType === 'touch') return;
        // Over the card: the card's own enter/leave events keep it open or close it; the mention was left on the
        // way (the gap between the two), and coming back onto it from the card is a new enter.
        if (isHost(e.target)) {
          this.last = null;
          this.current = null;
          return;
        }
        this.last = { x: e.clientX, y: e.clientY };
        if (this.frame) return;
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          const at = this.last;
          if (at) this.moveTo(this.marks.at(at.x, at.y) ?? null, 'pointer');
        });
      },
      opts,
    );
    // Leaving the window leaves the mention.
    this.doc.addEventListener(
      'pointerout',
      (e) => {
        if (e.isTrusted && !e.relatedTarget && this.current) this.moveTo(null, 'pointer');
      },
      opts,
    );
    this.doc.addEventListener(
      'click',
      (e) => {
        if (!e.isTrusted || e.defaultPrevented || e.button !== 0 || isHost(e.target)) return;
        const m = this.marks.at(e.clientX, e.clientY);
        // A click on a page link is the page's: the link navigates as before. A drag that selected text is a
        // selection, not a click on the citation.
        const inLink = !!(e.target as Element | null)?.closest?.('a[href]');
        const selected = !!this.doc.getSelection()?.toString();
        if (m && !inLink && !selected) void this.load().then((card) => card.activate(m.id, m.key));
        else if (!m) this.card?.clickAway();
      },
      opts,
    );
    // A page link that holds a citation: its focus (the keyboard's Tab) opens that citation's card.
    this.doc.addEventListener(
      'focusin',
      (e) => {
        const el = e.target as Element | null;
        if (!e.isTrusted || !el || el.nodeType !== Node.ELEMENT_NODE || isHost(el)) return;
        const link = el.closest('a[href]');
        const m = link ? this.marks.inside(link, blockOf(link.firstChild ?? link))[0] : undefined;
        this.moveTo(m ?? null, 'focus');
      },
      opts,
    );
  }
}
