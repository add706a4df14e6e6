/**
 * The keyboard way into a page's citations, now that they are highlights and not focusable elements.
 *
 * Alt+Shift+J enters the navigator at the first citation at or below the top of the viewport. In it, ↓ / ↑ (or
 * N / P) go to the next / previous citation in reading order, Home / End to the first / last, Enter opens the
 * citation's card with focus in it (Escape there comes back here), and Escape leaves, giving focus back to where
 * it was. The current citation is drawn with the focus highlight and announced through an aria-live region.
 *
 * Its UI is a small status line in a closed shadow root on the extension's own host element (outside `<body>`),
 * focused while the navigator runs, with `role="application"` so that a screen reader in browse mode hands it
 * the arrow keys. Only the user's own key presses (`isTrusted`) drive it.
 */
import { keyLabel } from '../card/key-label';
import { CARD_HOST_TAG, closedHost, pinOverPage } from '../page-ui/marks';
import { t } from '../shared/browser';
import { type PageMark, type PageMarks, scrollToMark } from './page-marks';

/** The shortcut that enters the navigator (by key position: Alt+Shift+J types another character on a Mac). */
export function isNavigatorShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyJ';
}

const CSS = `
:host { all: initial; }
.nav {
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #fff; background: #202122;
  border-radius: 8px; padding: 8px 12px; box-shadow: 0 2px 10px rgba(0,0,0,.3); max-width: min(36em, 90vw);
}
.nav:focus { outline: 3px solid #fc3; outline-offset: 2px; }
.keys { color: #c8ccd1; font-size: 12px; margin-top: 2px; }
.live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** What the navigator needs from its document's lens. */
export interface NavigatorDeps {
  /** Every citation of the page, in reading order. */
  ordered(): PageMark[];
  marks: PageMarks;
  /** Opens a citation's card with focus in it. */
  open(m: PageMark): void;
  /** Closes the card if one is open. */
  closeCard(): void;
}

/** The navigator of one document. */
export class CitationNavigator {
  private host: HTMLElement | null = null;
  private status: HTMLElement | null = null;
  private live: HTMLElement | null = null;
  private current: PageMark | null = null;
  private returnFocus: Element | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly deps: NavigatorDeps,
  ) {
    doc.defaultView?.addEventListener('keydown', (e) => this.onKey(e), {
      capture: true,
      signal: this.abort.signal,
    });
  }

  /** True while the navigator has the keyboard. */
  get active(): boolean {
    return !!this.host?.isConnected && this.current !== null;
  }

  /** Enters the navigator (at `at`, else at the first citation from the top of the viewport). */
  enter(at?: PageMark): boolean {
    const list = this.deps.ordered();
    if (list.length === 0) {
      this.ensureUi();
      this.say(t('navNone') || 'No citations found on this page.', '');
      this.host?.querySelector<HTMLElement>('.nav')?.focus();
      return false;
    }
    if (!this.active) this.returnFocus = this.doc.activeElement;
    const first = at ?? list.find((m) => m.range.getBoundingClientRect().bottom >= 0) ?? list[0]!;
    this.ensureUi();
    this.go(first, list, true);
    this.status?.focus({ preventScroll: true });
    return true;
  }

  /** Gives the keyboard back to the navigator (after the card it opened closes with Escape). */
  refocus(): void {
    if (this.active) this.status?.focus({ preventScroll: true });
  }

  /** Moves to the next citation in reading order and takes the keyboard back (Tab out of a card it opened). */
  next(): void {
    if (!this.active || !this.current) return;
    const list = this.deps.ordered();
    const i = list.findIndex((m) => m.id === this.current!.id);
    this.go(list[Math.min(list.length - 1, i + 1)] ?? this.current, list, false);
    this.status?.focus({ preventScroll: true });
  }

  /** Leaves: no focus highlight, the status line goes, focus goes back where it was (`restore`). */
  leave(restore = true): void {
    this.deps.marks.setFocus(undefined);
    this.current = null;
    this.host?.remove();
    this.host = null;
    const back = this.returnFocus as HTMLElement | null;
    this.returnFocus = null;
    if (restore && back?.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
  }

  destroy(): void {
    this.abort.abort();
    if (this.host) this.leave();
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    if (isNavigatorShortcut(e)) {
      e.preventDefault();
      e.stopPropagation();
      this.enter();
      return;
    }
    // Only while our status line has focus: the card, the page's own fields keep their keys.
    if (!this.active || this.doc.activeElement !== this.host) return;
    const list = this.deps.ordered();
    const i = this.current ? list.findIndex((m) => m.id === this.current!.id) : -1;
    let to: PageMark | undefined;
    switch (e.key) {
      case 'ArrowDown':
      case 'n':
      case 'N':
        to = list[Math.min(list.length - 1, i + 1)];
        break;
      case 'ArrowUp':
      case 'p':
      case 'P':
        to = list[Math.max(0, i - 1)];
        break;
      case 'Home':
        to = list[0];
        break;
      case 'End':
        to = list[list.length - 1];
        break;
      case 'Enter':
      case ' ':
        if (this.current) this.deps.open(this.current);
        break;
      case 'Escape':
        this.deps.closeCard();
        this.leave();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (to) this.go(to, list, false);
  }

  private go(m: PageMark, list: PageMark[], entering: boolean): void {
    this.current = m;
    this.deps.marks.setFocus(m);
    scrollToMark(m);
    const index = list.findIndex((x) => x.id === m.id);
    const text = m.range.toString() || m.surface;
    // The reader's name of the key: a symbol, or an instrument's name, never "instrument:…".
    const name = keyLabel(m.key, t);
    const line = t('navPosition', [String(index + 1), String(list.length), text, name]);
    const where =
      line && line !== 'navPosition' ? line : `Citation ${index + 1} of ${list.length}: ${text} (${name})`;
    const keys = t('navKeys');
    this.say(
      where,
      keys && keys !== 'navKeys' ? keys : '↓ ↑ next / previous · Enter details · Esc leave',
      entering,
    );
  }

  /** Shows `line` and announces it (with the keys on entering). */
  private say(line: string, keys: string, withKeys = true): void {
    const nav = this.status;
    if (!nav || !this.live) return;
    nav.querySelector('.line')!.textContent = line;
    nav.querySelector('.keys')!.textContent = keys;
    this.live.textContent = withKeys ? `${line}. ${keys}` : line;
  }

  private ensureUi(): void {
    if (this.host?.isConnected) return;
    const made = closedHost(this.doc, CARD_HOST_TAG);
    if (!made) return;
    const { host, shadow } = made;
    pinOverPage(host, 2147483646, { left: '16px', bottom: '16px' });
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    const nav = this.doc.createElement('div');
    nav.className = 'nav';
    nav.tabIndex = -1;
    nav.setAttribute('role', 'application');
    const label = t('navLabel');
    nav.setAttribute('aria-label', label && label !== 'navLabel' ? label : 'UN citations on this page');
    const line = this.doc.createElement('div');
    line.className = 'line';
    const keys = this.doc.createElement('div');
    keys.className = 'keys';
    nav.append(line, keys);
    const live = this.doc.createElement('div');
    live.className = 'live';
    live.setAttribute('aria-live', 'assertive');
    live.setAttribute('role', 'status');
    shadow.append(style, nav, live);
    // Focus leaving the status line (a click on the page, Tab away) leaves the navigator, unless it went to the
    // card it opened.
    nav.addEventListener('focusout', (e) => {
      const to = e.relatedTarget as Element | null;
      if (to && to.tagName === CARD_HOST_TAG) return;
      setTimeout(() => {
        if (this.active && this.doc.activeElement !== host && !isCardFocused(this.doc)) this.leave(false);
      }, 0);
    });
    this.doc.documentElement.append(host);
    this.host = host;
    this.status = nav;
    this.live = live;
  }
}

/** True when focus is in one of our hosts other than the navigator's (the card it opened). */
function isCardFocused(doc: Document): boolean {
  return doc.activeElement?.tagName === CARD_HOST_TAG;
}
