/**
 * The hover card on a page: DOM events → the pure state machine (hover-state.ts) → effects (timers, worker
 * lookups, render, hide). The card lives in a shadow root on a `<un-cite-card-…>` host so page CSS cannot
 * style it and its CSS cannot leak out; placement is @floating-ui/dom (flip, shift), never hand-written geometry.
 *
 * The page cannot drive it: only events the user made (`isTrusted`) are heeded, on web pages the shadow root is
 * closed (a page script can neither read the card nor reach its buttons), and a scripted event dispatched into
 * the card is stopped before any of its buttons sees it.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { type CopyFormat, renderCard } from '../card/render';
import { buildCardModel, type LookupState } from '../card/view-model';
import type { Lang } from '../core/mention';
import { cardTranslator } from '../shared/card-messages';
import { type HoverAction, type HoverEffect, type HoverState, initialHoverState, step } from './hover-state';
import {
  CARD_HOST_TAG,
  closedHost,
  HEAD_SELECTOR,
  isHead,
  MARK,
  type MarkData,
  markId,
  markSelector,
  pinOverPage,
  readMark,
} from './marks';

/** Gap between the citation and the card: small enough to cross within the grace period. */
const CARD_GAP_PX = 6;
/** Margin kept between the card and the viewport edges when shifting. */
const VIEWPORT_PADDING_PX = 8;

/** What the card shows of one mention. */
export interface CardTarget {
  data: MarkData;
  /** The mention's text as the page shows it. */
  surface: string;
}

/** A reference floating-ui can place the card against (the mention's first line box; all its boxes). */
export interface CardReference {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRect[];
  contextElement?: Element;
}

/**
 * Where the card's mentions are and how they are drawn, by id. The viewer's text layer marks mentions with
 * elements ({@link elementTargets}); a web page draws them as highlights over its own text (the content script's
 * page-marks.ts), where no element exists to focus or to carry `aria-expanded`.
 */
export interface CardTargets {
  get(id: string): CardTarget | undefined;
  /** The ids of every mention of `key`, in page order (the card counts them and steps through them). */
  idsOf(key: string): string[];
  reference(id: string): CardReference | undefined;
  /** Scrolls a mention into view (the card's next/previous). */
  reveal(id: string): void;
  /** Says whether a mention's card is open (`aria-expanded` on a mark element). */
  setExpanded(id: string, on: boolean): void;
  /** Gives focus back to a mention after Escape. */
  focus(id: string): void;
  /**
   * Moves the keyboard to the mention after `id` in reading order (Tab past a card's last control goes to the
   * next citation, never into that citation's card).
   */
  focusNext(id: string): void;
  /**
   * True when mentions are elements whose pointer, focus, click and key events the card follows itself; else the
   * owner calls {@link CardHost.enter} and the like from its own hit-testing.
   */
  readonly elementEvents: boolean;
}

/** What the card host needs from its surroundings (injected, so the content entry wires the browser). */
export interface CardHostDeps {
  /** The card data of `key`; `volume` (a Treaty Series mention's) picks the instrument registered there. */
  lookup(key: string, volume?: number): Promise<LookupState>;
  linkLang(): Lang;
  pageLang: Lang;
  /** The card's language (settings `cardLang`: the page's, the browser's or a fixed one); the page's if absent. */
  cardLang?(): Lang;
  trace(key: string): void;
  siteOff(): void;
  /** The switch-off button's label, when it is not "Off for this site". */
  siteOffLabel?: string;
  copy(text: string): Promise<boolean>;
}

/** How the card is hosted. */
export interface CardHostOptions {
  /**
   * The shadow root's mode: `closed` on web pages (the page must not read or click the card); the viewer, whose
   * document is the extension's own, keeps the default `open`.
   */
  shadow?: ShadowRootMode;
  /** The mentions (default: `<un-cite>` elements in `doc`, {@link elementTargets}). */
  targets?: CardTargets;
}

/** Events that could make the card act (press a button, type, move focus): a scripted one is stopped. */
const GUARDED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
  'copy',
] as const;

/** The mark that heads a mention (the element a mention's events and focus go to). */
export function headOf(el: Element | null): HTMLElement | null {
  const mark = el?.closest<HTMLElement>(MARK);
  if (!mark) return null;
  const id = markId(mark);
  if (isHead(mark) || !id) return mark;
  return mark.ownerDocument.querySelector<HTMLElement>(markSelector(id, true)) ?? mark;
}

/** Every piece of a mention (one element unless the mention was wrapped piecewise). */
function piecesOf(head: HTMLElement): HTMLElement[] {
  const id = markId(head);
  if (!id) return [head];
  return [...head.ownerDocument.querySelectorAll<HTMLElement>(markSelector(id))];
}

/** Heads of every mention of `key` on the page, in document order. */
function headsOfKey(doc: Document, key: string): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(HEAD_SELECTOR)].filter((h) => readMark(h)?.key === key);
}

/** Mentions marked with `<un-cite>` elements in `doc` (the viewer's text layer). */
export function elementTargets(doc: Document): CardTargets {
  const head = (id: string) => doc.querySelector<HTMLElement>(markSelector(id, true));
  return {
    elementEvents: true,
    get(id) {
      const h = head(id);
      const data = h && readMark(h);
      if (!h || !data) return undefined;
      return {
        data,
        surface: piecesOf(h)
          .map((p) => p.textContent ?? '')
          .join(''),
      };
    },
    idsOf: (key) => headsOfKey(doc, key).flatMap((h) => markId(h) ?? []),
    reference(id) {
      const h = head(id);
      if (!h) return undefined;
      const pieces = piecesOf(h);
      const rects = () => pieces.flatMap((p) => [...p.getClientRects()]);
      return {
        contextElement: h,
        // The first line box of the mention: a card under a citation that wraps lines sits under its start.
        getBoundingClientRect: () => rects()[0] ?? h.getBoundingClientRect(),
        getClientRects: rects,
      };
    },
    reveal: (id) => head(id)?.scrollIntoView({ block: 'center', behavior: 'auto' }),
    setExpanded: (id, on) => head(id)?.setAttribute('aria-expanded', on ? 'true' : 'false'),
    focus: (id) => head(id)?.focus(),
    focusNext(id) {
      const heads = [...doc.querySelectorAll<HTMLElement>(HEAD_SELECTOR)];
      const i = heads.findIndex((h) => markId(h) === id);
      (heads[i + 1] ?? heads[i])?.focus();
    },
  };
}

/** The running hover card of one document. */
export class CardHost {
  private state: HoverState;
  private readonly doc: Document;
  private readonly deps: CardHostDeps;
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private stopPlacement: (() => void) | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly abort = new AbortController();

  private readonly shadowMode: ShadowRootMode;
  private readonly targets: CardTargets;

  constructor(doc: Document, deps: CardHostDeps, dwellMs: number, options: CardHostOptions = {}) {
    this.doc = doc;
    this.deps = deps;
    this.shadowMode = options.shadow ?? 'open';
    this.targets = options.targets ?? elementTargets(doc);
    this.state = initialHoverState(dwellMs);
    const opts = { capture: true, signal: this.abort.signal };
    doc.addEventListener('pointerover', (e) => this.onPointer(e, 'enter'), opts);
    doc.addEventListener('pointerout', (e) => this.onPointer(e, 'leave'), opts);
    doc.addEventListener('focusin', (e) => this.onFocus(e, 'enter'), opts);
    doc.addEventListener('focusout', (e) => this.onFocus(e, 'leave'), opts);
    doc.addEventListener('click', (e) => this.onClick(e), opts);
    doc.addEventListener('keydown', (e) => this.onKey(e), opts);
  }

  /** Current machine state (tests and the tab protocol read it). */
  get current(): HoverState {
    return this.state;
  }

  /** Changes the dwell (the user's hover delay setting). */
  setDwell(ms: number): void {
    this.dispatch({ type: 'setDwell', ms });
  }

  /** The pointer (or focus) came onto a mention (for targets whose owner hit-tests: page highlights). */
  enter(id: string, key: string, via: 'pointer' | 'focus'): void {
    this.dispatch({ type: 'enter', target: id, key, via });
  }

  /** The pointer (or focus) left a mention. */
  leave(id: string): void {
    this.dispatch({ type: 'leave', target: id });
  }

  /** A click or Enter on a mention: its card at once; `focusCard` moves the keyboard into it. */
  activate(id: string, key: string, focusCard = false): void {
    this.dispatch({ type: 'activate', target: id, key });
    this.focusCardWhenShown = focusCard;
  }

  /** A click away from any mention: an open card closes. */
  clickAway(): void {
    if (this.state.phase === 'open') this.dispatch({ type: 'escape' });
  }

  /** Removes listeners, timers and the card. */
  destroy(): void {
    this.abort.abort();
    for (const t of this.timers) clearTimeout(t);
    this.hide();
    this.host?.remove();
  }

  /** Closes the card (Escape, or the site was switched off). */
  close(): void {
    this.dispatch({ type: 'escape' });
  }

  private dispatch(action: HoverAction): void {
    const { state, effects } = step(this.state, action);
    const prevTarget = this.state.target;
    this.state = state;
    if (prevTarget && prevTarget !== state.target) this.setExpanded(prevTarget, false);
    for (const e of effects) this.run(e);
  }

  private run(effect: HoverEffect): void {
    switch (effect.type) {
      case 'timer': {
        const t = setTimeout(() => {
          this.timers.delete(t);
          this.dispatch(effect.action);
        }, effect.ms);
        this.timers.add(t);
        return;
      }
      case 'lookup': {
        // The mention's own volume: "Ibid., vol. 1642, No. 14668" is the Second Optional Protocol, not the ICCPR.
        const volume = this.state.target ? this.targets.get(this.state.target)?.data.volume : undefined;
        void this.deps.lookup(effect.key, volume).then(
          (result) => this.dispatch({ type: 'lookupDone', token: effect.token, result }),
          (e: unknown) =>
            this.dispatch({
              type: 'lookupDone',
              token: effect.token,
              result: { status: 'error', error: { code: 'no-receiver', message: String(e) } },
            }),
        );
        return;
      }
      case 'render':
        this.render();
        return;
      case 'hide':
        this.hide();
        return;
      case 'focusTarget':
        this.targets.focus(effect.target);
        return;
    }
  }

  private setExpanded(id: string, on: boolean): void {
    this.targets.setExpanded(id, on);
  }

  private onPointer(e: Event, what: 'enter' | 'leave'): void {
    // A page script's synthetic pointer event (over a real mark or one it planted) opens nothing.
    if (!e.isTrusted) return;
    const target = e.target as Element | null;
    if (!target || target.nodeType !== Node.ELEMENT_NODE) return;
    // Events inside the card's shadow root reach the page retargeted to the host; moves within it are ignored.
    const related = (e as PointerEvent).relatedTarget as Element | null;
    if (target === this.host) {
      if (related !== this.host) this.dispatch({ type: what === 'enter' ? 'cardEnter' : 'cardLeave' });
      return;
    }
    if (!this.targets.elementEvents) return;
    const head = headOf(target);
    const mark = head && readMark(head);
    if (!mark) return;
    // Moving between pieces (or into a child) of the same mention is not leaving it.
    if (related && related.nodeType === Node.ELEMENT_NODE && headOf(related) === head) return;
    if (what === 'enter') this.dispatch({ type: 'enter', target: mark.id, key: mark.key, via: 'pointer' });
    else this.dispatch({ type: 'leave', target: mark.id });
  }

  private focusedHead(target: EventTarget | null): HTMLElement | null {
    const el = target as Element | null;
    if (!el || el.nodeType !== Node.ELEMENT_NODE) return null;
    const own = headOf(el);
    if (own) return own;
    // A page link that carries a citation: its focus opens the card of the (first) citation inside it.
    if (el.tagName === 'A') return headOf(el.querySelector(HEAD_SELECTOR) ?? el.closest(MARK));
    return null;
  }

  private onFocus(e: FocusEvent, what: 'enter' | 'leave'): void {
    if (!e.isTrusted) return;
    if (e.target === this.host) {
      if (e.relatedTarget !== this.host)
        this.dispatch({ type: what === 'enter' ? 'cardEnter' : 'cardLeave' });
      return;
    }
    if (!this.targets.elementEvents) return;
    const head = this.focusedHead(e.target);
    const mark = head && readMark(head);
    if (!mark) return;
    if (what === 'leave' && e.relatedTarget === this.host) return; // focus moved into the card
    if (what === 'enter') this.dispatch({ type: 'enter', target: mark.id, key: mark.key, via: 'focus' });
    else this.dispatch({ type: 'leave', target: mark.id });
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || e.defaultPrevented || e.button !== 0 || !this.targets.elementEvents) return;
    const target = e.target as Element | null;
    if (!target || target.nodeType !== Node.ELEMENT_NODE || target === this.host) return;
    const head = headOf(target);
    const mark = head && readMark(head);
    // A click on a page link is the page's: the link navigates as before.
    if (!mark || target.closest('a[href]')) {
      if (this.state.phase === 'open' && !head) this.dispatch({ type: 'escape' });
      return;
    }
    this.dispatch({ type: 'activate', target: mark.id, key: mark.key });
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' && this.state.phase !== 'idle') {
      this.dispatch({ type: 'escape' });
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element && this.targets.elementEvents) {
      const head = headOf(e.target);
      const mark = head && readMark(head);
      if (mark && !head.closest('a[href]') && e.target === head) {
        e.preventDefault();
        this.dispatch({ type: 'activate', target: mark.id, key: mark.key });
        // Keyboard users land in the card; Escape brings them back (focusTarget).
        this.focusCardWhenShown = true;
      }
    }
  }

  private focusCardWhenShown = false;

  private ensureHost(): ShadowRoot {
    if (this.shadow && this.host?.isConnected) return this.shadow;
    const made = closedHost(this.doc, CARD_HOST_TAG, this.shadowMode);
    if (!made) throw new Error('no element of this document takes a shadow root');
    const { host, shadow } = made;
    pinOverPage(host, 2147483647, { top: '0', left: '0', display: 'block' });
    for (const type of GUARDED_EVENTS) {
      shadow.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted) e.stopImmediatePropagation();
        },
        { capture: true, signal: this.abort.signal },
      );
    }
    // Tab past the card's last control: the card closes and the keyboard goes to the next citation (the card is
    // pinned at the end of the document, so the browser's own next stop would be far from where the reader is).
    shadow.addEventListener(
      'keydown',
      (e) => {
        const k = e as KeyboardEvent;
        if (!k.isTrusted || k.key !== 'Tab' || k.shiftKey || !this.state.target) return;
        const controls = [...shadow.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')].filter(
          (c) => c.getClientRects().length > 0,
        );
        if (controls.length > 0 && shadow.activeElement !== controls[controls.length - 1]) return;
        k.preventDefault();
        const from = this.state.target;
        this.dispatch({ type: 'escape' });
        this.targets.focusNext(from);
      },
      { signal: this.abort.signal },
    );
    this.shadow = shadow;
    this.host = host;
    this.doc.documentElement.append(host);
    return shadow;
  }

  private render(): void {
    const s = this.state;
    if (!s.target || !s.key) return;
    const target = this.targets.get(s.target);
    if (!target) return;
    const ids = this.targets.idsOf(s.key);
    const index = Math.max(0, ids.indexOf(s.target));
    const shadow = this.ensureHost();
    const { data: mark, surface } = target;
    const cardLang = this.deps.cardLang?.() ?? this.deps.pageLang;
    const t = cardTranslator(cardLang);
    if (t instanceof Promise) {
      // The card's own language is not loaded yet (its first card in this page): render once it is, if the
      // reader is still on the same citation.
      const want = s.target;
      void t.then(() => {
        if (this.state.target === want && this.state.phase !== 'idle') this.render();
      });
      return;
    }
    const model = buildCardModel(
      {
        key: s.key,
        kind: mark.kind ?? 'document',
        surface,
        ...(mark.date ? { date: mark.date } : {}),
        ...(mark.part ? { part: mark.part } : {}),
        ...(mark.volume ? { volume: mark.volume } : {}),
        lookup: s.result ?? { status: 'loading' },
        occurrence: { index: index + 1, total: Math.max(1, ids.length) },
        linkLang: this.deps.linkLang(),
        pageLang: this.deps.pageLang,
        cardLang,
      },
      t,
    );
    const go = (delta: number) => {
      const id = ids[(index + delta + ids.length) % ids.length];
      if (!id) return;
      this.targets.reveal(id);
      this.dispatch({ type: 'show', target: id, key: s.key! });
    };
    const card = renderCard(
      shadow,
      model,
      {
        onPrev: () => go(-1),
        onNext: () => go(1),
        onCopy: (_f: CopyFormat, text: string) => this.deps.copy(text),
        onTrace: (key) => this.deps.trace(key),
        onSiteOff: () => this.deps.siteOff(),
        ...(this.deps.siteOffLabel ? { siteOffLabel: this.deps.siteOffLabel } : {}),
        onClose: () => this.dispatch({ type: 'escape' }),
      },
      t,
    );
    this.setExpanded(s.target, true);
    const reference = this.targets.reference(s.target);
    if (reference) this.place(reference, card);
    if (this.focusCardWhenShown) {
      this.focusCardWhenShown = false;
      card.focus();
    }
  }

  private place(reference: CardReference, card: HTMLElement): void {
    const host = this.host;
    if (!host) return;
    this.stopPlacement?.();
    const rtl = this.deps.pageLang === 'ar';
    const update = () => {
      void computePosition(reference, host, {
        strategy: 'fixed',
        placement: rtl ? 'bottom-end' : 'bottom-start',
        middleware: [
          offset(CARD_GAP_PX),
          flip({ padding: VIEWPORT_PADDING_PX }),
          shift({ padding: VIEWPORT_PADDING_PX, crossAxis: true }),
          // A tall card where neither side has room scrolls inside itself instead of leaving the viewport.
          size({
            padding: VIEWPORT_PADDING_PX,
            apply({ availableHeight }) {
              card.style.setProperty('max-height', `${Math.max(160, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        host.style.setProperty('left', `${Math.round(x)}px`, 'important');
        host.style.setProperty('top', `${Math.round(y)}px`, 'important');
      });
    };
    this.stopPlacement = autoUpdate(reference, host, update);
  }

  private hide(): void {
    this.stopPlacement?.();
    this.stopPlacement = null;
    this.shadow?.querySelector('.card')?.remove();
    for (const h of this.doc.querySelectorAll(`${MARK}[aria-expanded="true"]`))
      h.setAttribute('aria-expanded', 'false');
  }
}
