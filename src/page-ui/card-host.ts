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
import { t } from '../shared/browser';
import { type HoverAction, type HoverEffect, type HoverState, initialHoverState, step } from './hover-state';
import {
  CARD_HOST_TAG,
  closedHost,
  HEAD_SELECTOR,
  isHead,
  MARK,
  markId,
  markSelector,
  pinOverPage,
  readMark,
} from './marks';

/** Gap between the citation and the card: small enough to cross within the grace period. */
const CARD_GAP_PX = 6;
/** Margin kept between the card and the viewport edges when shifting. */
const VIEWPORT_PADDING_PX = 8;

/**
 * Every mention of a key on the page, in page order: marked heads and, on a big page marked lazily, mentions
 * found in blocks not marked yet (`P`, the content script's own record of them), which `reveal` marks on demand.
 */
export interface Occurrences<P extends object = object> {
  list: readonly (HTMLElement | P)[];
  reveal(pending: P): HTMLElement | undefined;
}

/** What the card host needs from its surroundings (injected, so the content entry wires the browser). */
export interface CardHostDeps {
  lookup(key: string): Promise<LookupState>;
  /** The mentions of `key` (the card counts them and steps through them); the marked heads when absent. */
  occurrences?(key: string): Occurrences;
  linkLang(): Lang;
  pageLang: Lang;
  trace(key: string): void;
  siteOff(): void;
  copy(text: string): Promise<boolean>;
}

/** How the card is hosted. */
export interface CardHostOptions {
  /**
   * The shadow root's mode: `closed` on web pages (the page must not read or click the card); the viewer, whose
   * document is the extension's own, keeps the default `open`.
   */
  shadow?: ShadowRootMode;
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

/** An element (of any frame: `instanceof` would not see another window's HTMLElement). */
function isElement(x: HTMLElement | object): x is HTMLElement {
  return (x as Node).nodeType === 1;
}

/** Heads of every mention of `key` on the page, in document order. */
function headsOfKey(doc: Document, key: string): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(HEAD_SELECTOR)].filter((h) => readMark(h)?.key === key);
}

/** A reference for floating-ui covering all pieces of a mention. */
function referenceFor(head: HTMLElement) {
  const pieces = piecesOf(head);
  return {
    contextElement: head,
    getBoundingClientRect(): DOMRect {
      const rects = pieces.flatMap((p) => [...p.getClientRects()]);
      const first = rects[0] ?? head.getBoundingClientRect();
      // The first line box of the mention: a card under a citation that wraps lines sits under its start.
      return first;
    },
    getClientRects: () => pieces.flatMap((p) => [...p.getClientRects()]),
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

  constructor(doc: Document, deps: CardHostDeps, dwellMs: number, options: CardHostOptions = {}) {
    this.doc = doc;
    this.deps = deps;
    this.shadowMode = options.shadow ?? 'open';
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

  /**
   * Handles an event that arrived before this module was loaded (the content script loads the card lazily on
   * the first interaction with a mark, then replays that event here).
   */
  replay(e: Event): void {
    if (e.type === 'pointerover') this.onPointer(e, 'enter');
    else if (e.type === 'focusin') this.onFocus(e as FocusEvent, 'enter');
    else if (e.type === 'click') this.onClick(e as MouseEvent);
    else if (e.type === 'keydown') this.onKey(e as KeyboardEvent);
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
      case 'lookup':
        void this.deps.lookup(effect.key).then(
          (result) => this.dispatch({ type: 'lookupDone', token: effect.token, result }),
          (e: unknown) =>
            this.dispatch({
              type: 'lookupDone',
              token: effect.token,
              result: { status: 'error', error: { code: 'no-receiver', message: String(e) } },
            }),
        );
        return;
      case 'render':
        this.render();
        return;
      case 'hide':
        this.hide();
        return;
      case 'focusTarget':
        this.headById(effect.target)?.focus();
        return;
    }
  }

  private headById(id: string): HTMLElement | null {
    return this.doc.querySelector<HTMLElement>(markSelector(id, true));
  }

  private setExpanded(id: string, on: boolean): void {
    this.headById(id)?.setAttribute('aria-expanded', on ? 'true' : 'false');
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
    const head = this.focusedHead(e.target);
    const mark = head && readMark(head);
    if (!mark) return;
    if (what === 'leave' && e.relatedTarget === this.host) return; // focus moved into the card
    if (what === 'enter') this.dispatch({ type: 'enter', target: mark.id, key: mark.key, via: 'focus' });
    else this.dispatch({ type: 'leave', target: mark.id });
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || e.defaultPrevented || e.button !== 0) return;
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
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof Element) {
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
    this.shadow = shadow;
    this.host = host;
    this.doc.documentElement.append(host);
    return shadow;
  }

  private render(): void {
    const s = this.state;
    if (!s.target || !s.key) return;
    const head = this.headById(s.target);
    if (!head) return;
    const occ = this.deps.occurrences?.(s.key);
    const heads: readonly (HTMLElement | object)[] = occ?.list ?? headsOfKey(this.doc, s.key);
    const index = Math.max(0, heads.indexOf(head));
    const shadow = this.ensureHost();
    const surface = piecesOf(head)
      .map((p) => p.textContent ?? '')
      .join('');
    const mark = readMark(head);
    const model = buildCardModel(
      {
        key: s.key,
        kind: mark?.kind ?? 'document',
        surface,
        ...(mark?.date ? { date: mark.date } : {}),
        ...(mark?.part ? { part: mark.part } : {}),
        ...(mark?.volume ? { volume: mark.volume } : {}),
        lookup: s.result ?? { status: 'loading' },
        occurrence: { index: index + 1, total: heads.length },
        linkLang: this.deps.linkLang(),
        // An Arabic citation on a bilingual page gets a right-to-left card even when the page says English.
        pageLang: /[\u0600-\u06FF]/.test(surface) ? 'ar' : this.deps.pageLang,
      },
      t,
    );
    const go = (delta: number) => {
      const at = heads[(index + delta + heads.length) % heads.length];
      // A mention whose block is not marked yet (lazy marking) is marked now, then shown like the others.
      const next = at && !isElement(at) ? occ?.reveal(at) : at;
      const id = next && markId(next);
      if (!id) return;
      next.scrollIntoView({ block: 'center', behavior: 'auto' });
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
        onClose: () => this.dispatch({ type: 'escape' }),
      },
      t,
    );
    head.setAttribute('aria-expanded', 'true');
    this.place(head, card);
    if (this.focusCardWhenShown) {
      this.focusCardWhenShown = false;
      card.focus();
    }
  }

  private place(head: HTMLElement, card: HTMLElement): void {
    const host = this.host;
    if (!host) return;
    this.stopPlacement?.();
    const reference = referenceFor(head);
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
