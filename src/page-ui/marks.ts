/**
 * The marks a mention leaves in a page (web page or PDF text layer): the element names, and the one place that
 * writes and reads their `data-un-*` attributes. The content script marks pages, the viewer marks PDF text, and
 * the card host reads what both wrote, so the three cannot drift apart on a name.
 *
 * Also the marks' keyboard and screen-reader behaviour, set when a head is created (kept out of the lazily
 * loaded card code: marks must be focusable and described before anyone hovers one), and how the extension's
 * own elements (the card's host, the "Open with citations" button) are pinned over the page.
 */
import type { Kind } from '../core/mention';

/**
 * Name of the element that marks a mention (a custom element: no page CSS targets it, no default style). On web
 * pages it gets a random suffix ({@link useUniqueElementNames}); these names are live bindings, read at use.
 */
export let MARK_TAG = 'UN-CITE';
/** Name of the card's host element. */
export let CARD_HOST_TAG = 'UN-CITE-CARD';
/** Name of the "Open with citations" control's host element. */
export let OPEN_PDF_TAG = 'UN-CITE-OPEN-PDF';
/** `MARK_TAG` as a selector (`querySelector` and `createElement` take the lower-case name). */
export let MARK = MARK_TAG.toLowerCase();
/** Selector of every mention's head mark. */
export let HEAD_SELECTOR = `${MARK}[data-un-head]`;

/**
 * Gives this context's elements names no page can have defined beforehand (`un-cite-<random>`): a page that
 * registers a custom element `un-cite` or `un-cite-card` (to style it, or by chance) would otherwise upgrade our
 * marks into its own class, hide their text in its shadow root, or make `attachShadow` on our card host throw.
 * The content script calls it once before making any element; the viewer keeps the plain names (its DOM is ours).
 */
export function useUniqueElementNames(suffix = randomSuffix()): void {
  MARK_TAG = `UN-CITE-${suffix}`.toUpperCase();
  CARD_HOST_TAG = `UN-CITE-CARD-${suffix}`.toUpperCase();
  OPEN_PDF_TAG = `UN-CITE-OPEN-PDF-${suffix}`.toUpperCase();
  MARK = MARK_TAG.toLowerCase();
  HEAD_SELECTOR = `${MARK}[data-un-head]`;
}

/** Eight random lower-case letters and digits (valid in a custom element name). */
export function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
}

/** What a mark says about its mention. `id` is page-unique and shared by all pieces of one mention. */
export interface MarkData {
  id: string;
  key: string;
  kind: Kind;
  date?: string;
  part?: string;
  volume?: number;
  /** The footnote a PDF mention sits in. */
  note?: string;
}

/** Writes a mention's attributes on one of its marks; `head` makes it the mention's handle. */
export function writeMark(el: HTMLElement, data: MarkData, head = false): void {
  el.dataset.unKey = data.key;
  el.dataset.unKind = data.kind;
  el.dataset.unId = data.id;
  writeMarkDetails(el, data);
  if (head) el.dataset.unHead = '';
}

/** Adds the details (date, part, volume, note) that are known only after the mark was made. */
export function writeMarkDetails(
  el: HTMLElement,
  data: Pick<MarkData, 'date' | 'part' | 'volume' | 'note'>,
): void {
  if (data.date) el.dataset.unDate = data.date;
  if (data.part) el.dataset.unPart = data.part;
  if (data.volume) el.dataset.unVolume = String(data.volume);
  if (data.note) el.dataset.unNote = data.note;
}

/** What a mark says, or undefined for an element that is not a complete mark (no id or key). */
export function readMark(el: HTMLElement): MarkData | undefined {
  const { unId: id, unKey: key, unKind, unDate, unPart, unVolume, unNote } = el.dataset;
  if (!id || !key) return undefined;
  return {
    id,
    key,
    kind: (unKind ?? 'document') as Kind,
    ...(unDate ? { date: unDate } : {}),
    ...(unPart ? { part: unPart } : {}),
    ...(unVolume ? { volume: Number(unVolume) } : {}),
    ...(unNote ? { note: unNote } : {}),
  };
}

/** The mention id a mark carries (any piece; {@link readMark} for the whole record). */
export function markId(el: HTMLElement): string | undefined {
  return el.dataset.unId;
}

/** True for the head mark of a mention. */
export function isHead(el: Element): boolean {
  return el.tagName === MARK_TAG && el.hasAttribute('data-un-head');
}

/** Selector of the marks of mention `id`; of its head alone with `headOnly`. */
export function markSelector(id: string, headOnly = false): string {
  return `${MARK}[data-un-id="${CSS.escape(id)}"]${headOnly ? '[data-un-head]' : ''}`;
}

/** Page highlights of a head: `traced` (the key the trace view shows) and `flash` (just scrolled to). */
export type MarkFlag = 'traced' | 'flash';

const FLAG_ATTR: Record<MarkFlag, string> = { traced: 'data-un-traced', flash: 'data-un-flash' };

/** Sets or clears a highlight on a head. */
export function setMarkFlag(el: HTMLElement, flag: MarkFlag, on: boolean): void {
  if (on) el.setAttribute(FLAG_ATTR[flag], '');
  else el.removeAttribute(FLAG_ATTR[flag]);
}

/** The CSS selector of heads carrying a highlight (for the page's highlight style). */
export function flagSelector(flag: MarkFlag): string {
  return `${MARK}[${FLAG_ATTR[flag]}]`;
}

/** Gives a mention's head mark its focus stop, role and description. */
export function prepareMark(head: HTMLElement): void {
  // With a page link inside or around it, the link is the focus stop (its focus opens the card) and no
  // interactive role is nested in another; elsewhere the mark is the stop.
  if (!head.closest('a[href]') && !head.querySelector('a[href]')) {
    head.tabIndex = 0;
    head.setAttribute('role', 'button');
  }
  head.setAttribute('aria-haspopup', 'dialog');
  head.setAttribute('aria-expanded', 'false');
  // aria-describedby cannot point into the card's shadow root; the ARIA 1.3 description can carry the hint.
  head.setAttribute('aria-description', 'UN citation: press Enter for details');
}

/**
 * A host element with a shadow root (closed by default: on a web page) for one of the extension's controls:
 * `tag` when that name takes a shadow root, else a plain `<div>` (a page element class registered under the name
 * may attach its own root or forbid one; the inline `!important` styles of {@link pinOverPage} keep page rules
 * for divs off it). Returns undefined only when neither can have one.
 */
export function closedHost(
  doc: Document,
  tag: string,
  mode: ShadowRootMode = 'closed',
): { host: HTMLElement; shadow: ShadowRoot } | undefined {
  for (const name of [tag.toLowerCase(), 'div']) {
    try {
      const host = doc.createElement(name);
      return { host, shadow: host.attachShadow({ mode }) };
    } catch {
      // Try the next name.
    }
  }
  return undefined;
}

/**
 * Pins one of the extension's own host elements (the card's, the "Open with citations" button's) over the
 * page: inline and `!important`, so that page rules for unknown elements can neither move nor hide it.
 */
export function pinOverPage(el: HTMLElement, zIndex: number, sides: Record<string, string>): void {
  const st = el.style;
  st.setProperty('all', 'initial', 'important');
  st.setProperty('position', 'fixed', 'important');
  st.setProperty('z-index', String(zIndex), 'important');
  for (const [side, value] of Object.entries(sides)) st.setProperty(side, value, 'important');
}
