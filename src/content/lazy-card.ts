/**
 * The hover card of one document, loaded on the first interaction with a mark (keeps the start-up script
 * small): until then a few capture listeners wait for a pointer, focus, click or key on a mark, load the card
 * chunk and replay that event to it.
 */
import type { CardHost, CardHostDeps } from '../page-ui/card-host';
import { MARK } from '../page-ui/marks';

export class LazyCard {
  /** The card, once loaded. */
  card: CardHost | null = null;
  private loading: Promise<CardHost> | null = null;
  private readonly boot = new AbortController();
  private hovered: Element | null = null;

  constructor(
    private readonly doc: Document,
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
    this.boot.abort();
    this.card?.destroy();
  }

  private load(): Promise<CardHost> {
    this.loading ??= import('../page-ui/card-host').then((m) => {
      // Closed: the page may neither read the card nor reach its buttons.
      this.card = new m.CardHost(this.doc, this.deps, this.dwellMs, { shadow: 'closed' });
      this.boot.abort();
      return this.card;
    });
    return this.loading;
  }

  /** Until the card is loaded, the first interaction with a mark loads it and is replayed to it. */
  private listen(): void {
    const opts = { capture: true, signal: this.boot.signal };
    const onMark = (e: Event) => (e.target as Element | null)?.closest?.(MARK) ?? null;
    const trigger = (e: Event, still: () => boolean) => {
      // Only the user's own events load and drive the card: a page script's synthetic ones are ignored.
      if (!e.isTrusted) return;
      if (!onMark(e) && !(e.type === 'focusin' && (e.target as Element).querySelector?.(MARK))) return;
      void this.load().then((card) => {
        if (still()) card.replay(e);
      });
    };
    this.doc.addEventListener(
      'pointerover',
      (e) => {
        if (!e.isTrusted) return;
        this.hovered = onMark(e);
        trigger(e, () => this.hovered !== null && this.hovered === onMark(e));
      },
      opts,
    );
    this.doc.addEventListener(
      'pointerout',
      (e) => {
        if (e.isTrusted) this.hovered = null;
      },
      opts,
    );
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
}
