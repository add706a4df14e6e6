/**
 * The card's DOM renderer: `renderCard(container, model, handlers)` builds the card from a {@link CardModel}
 * with `textContent` only (no HTML strings from the page or the index), inside whatever container it is given,
 * normally a shadow root so page CSS cannot reach it. The hover card, the popup, the trace view and the viewer
 * share it; a handler left out hides its control.
 */

import type { Lang } from '../core/mention';
import { plural } from '../ui/plural';
import type { CardModel, Translate } from './view-model';

/** Citation formats the copy buttons offer. */
export type CopyFormat = 'un' | 'csl' | 'bibtex';

/** What the card's controls call. Each is optional: a missing handler hides its control. */
export interface CardHandlers {
  onPrev?(): void;
  onNext?(): void;
  /** Copy `text` (the model's citation in `format`); resolve true when it reached the clipboard. */
  onCopy?(format: CopyFormat, text: string): Promise<boolean> | boolean;
  onTrace?(key: string): void;
  onSiteOff?(): void;
  /** The label of the switch-off button (the viewer switches off one document, not a site). */
  siteOffLabel?: string;
  onClose?(): void;
}

/** The card's styles (static text, no page data). Dark mode and reduced motion follow the user's settings. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box; width: min(26rem, calc(100vw - 16px)); max-height: min(32rem, calc(100vh - 16px));
  overflow: auto; padding: 12px 14px 10px; border-radius: 8px; border: 1px solid #c8ccd1;
  background: #fff; color: #202122; box-shadow: 0 4px 16px rgba(0,0,0,.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif;
  text-align: start;
}
.card:focus { outline: 2px solid #36c; outline-offset: 1px; }
.kind { font-size: 11px; letter-spacing: .04em; text-transform: uppercase; color: #54595d; margin: 0 0 2px; }
.heading { font-size: 15px; font-weight: 600; margin: 0 0 4px; }
.title { margin: 0 0 8px; }
.notice { margin: 0 0 8px; padding: 6px 8px; border-radius: 4px; background: #fef6e7; color: #5a3d00; font-size: 13px; }
.card[data-status="error"] .notice { background: #fee7e6; color: #7a0b00; }
.loading { color: #54595d; margin: 0 0 8px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 8px; font-size: 13px; }
dt { color: #54595d; }
dd { margin: 0; overflow-wrap: anywhere; }
/* A fact in Latin script (a symbol, "20 (b)") reads left to right, but lines up with the others at the
   right edge of a right-to-left card. */
.card[dir="rtl"] dt, .card[dir="rtl"] dd { text-align: right; }
ul.links { list-style: none; padding: 0; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 13px; }
a { color: #36c; text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
.occ { display: flex; align-items: center; gap: 6px; font-size: 13px; color: #54595d; margin: 0 0 8px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; border-top: 1px solid #eaecf0; padding-top: 8px; }
button {
  font: inherit; font-size: 12px; padding: 3px 8px; border-radius: 4px; border: 1px solid #a2a9b1;
  background: #f8f9fa; color: #202122; cursor: pointer;
}
button:hover { background: #eaecf0; }
button:focus-visible { outline: 2px solid #36c; outline-offset: 1px; }
.occ button { padding: 0 6px; }
.copied { font-size: 12px; color: #14866d; min-height: 1em; margin: 4px 0 0; }
/* Text the index has only in another language than the card's (an English title on an Arabic card). */
.lang-tag {
  display: inline-block; margin-inline-start: 6px; padding: 0 4px; border: 1px solid #c8ccd1; border-radius: 3px;
  font-size: 11px; line-height: 1.4; color: #54595d; white-space: nowrap; vertical-align: baseline;
}
@media (prefers-color-scheme: dark) {
  .card { background: #202122; color: #eaecf0; border-color: #54595d; box-shadow: 0 4px 16px rgba(0,0,0,.6); }
  .kind, dt, .occ, .loading, .lang-tag { color: #a2a9b1; }
  .lang-tag { border-color: #54595d; }
  a { color: #88a3e8; }
  button { background: #27292d; color: #eaecf0; border-color: #72777d; }
  button:hover { background: #333; }
  .notice { background: #3d3000; color: #fce8b2; }
  .card[data-status="error"] .notice { background: #4a1410; color: #ffd1cc; }
  .actions { border-color: #3a3d42; }
}
@media (prefers-reduced-motion: no-preference) {
  .card { animation: un-cite-in 120ms ease-out; }
  @keyframes un-cite-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;

const ID_PREFIX = 'un-cite-card';

/** Installs {@link CARD_CSS} in a shadow root or document once (constructed sheets are not blocked by page CSP). */
export function ensureCardStyles(root: ShadowRoot | Document): void {
  const marked = root as (ShadowRoot | Document) & { __unCiteStyled?: boolean };
  if (marked.__unCiteStyled) return;
  marked.__unCiteStyled = true;
  ensureStyles(root, CARD_CSS);
}

function ensureStyles(root: ShadowRoot | Document, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Firefox content scripts cannot always adopt a sheet from their own realm: fall back to a style element.
    const style = (root instanceof Document ? root : root.ownerDocument).createElement('style');
    style.textContent = css;
    (root instanceof Document ? root.head : root).appendChild(style);
  }
}

/** `Intl.DisplayNames` by the language they write in: one each, not one per tagged text of every card shown. */
const displayNames = new Map<Lang, Intl.DisplayNames | null>();

/** The name of language `of` in language `inLang` ("English", "anglais", "الإنجليزية"), from the browser's CLDR data. */
function languageName(of: Lang, inLang: Lang): string {
  let names = displayNames.get(inLang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([inLang], { type: 'language' });
    } catch {
      names = null;
    }
    displayNames.set(inLang, names);
  }
  return names?.of(of) ?? of;
}

/**
 * Text in `lang`, which is not the card's language: isolated (`<bdi>`, so its direction does not reorder the
 * card's), tagged with `lang` (screen readers and fonts), and followed by the language's name, so the reader
 * sees that an Arabic card shows this title in English because the index has no Arabic one.
 */
function foreign(doc: Document, text: string, lang: Lang, cardLang: Lang): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const bdi = el(doc, 'bdi', { text });
  bdi.lang = lang;
  const tag = el(doc, 'span', { className: 'lang-tag', text: languageName(lang, cardLang) });
  tag.dataset.lang = lang;
  frag.append(bdi, tag);
  return frag;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string } = {},
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  return e;
}

/**
 * Appends `text`, with each number range ("2022–2023", "1833–1835") in a left-to-right isolate: in a right-to-left
 * card the en dash between two numbers takes the line's direction and the range would read "2023–2022". The
 * element's text stays the same characters.
 */
function appendSpans(doc: Document, parent: HTMLElement, text: string): void {
  let last = 0;
  for (const m of text.matchAll(/\d+[–-]\d+/g)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    const range = el(doc, 'bdi', { text: m[0] });
    range.dir = 'ltr';
    parent.append(range);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

/**
 * Renders the card into `container` (replacing a previous card there) and returns the card element.
 * The card is a non-modal dialog labelled by its heading and described by its title and facts.
 */
export function renderCard(
  container: ShadowRoot | HTMLElement,
  model: CardModel,
  handlers: CardHandlers,
  t: Translate,
): HTMLElement {
  const doc = container.ownerDocument ?? document;
  if (container instanceof ShadowRoot) ensureCardStyles(container);
  // `:scope` matches nothing on a ShadowRoot (not an element): walk the direct children instead.
  for (const old of [...container.children]) if (old.classList.contains('card')) old.remove();

  const card = el(doc, 'div', { className: 'card' });
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-modal', 'false');
  card.setAttribute('aria-labelledby', `${ID_PREFIX}-heading`);
  card.setAttribute('aria-describedby', `${ID_PREFIX}-desc`);
  card.tabIndex = -1;
  card.dir = model.dir;
  card.lang = model.lang;
  card.dataset.status = model.status;
  card.dataset.key = model.key;

  card.append(el(doc, 'p', { className: 'kind', text: model.kindLabel }));
  const heading = el(doc, 'h2', { className: 'heading', text: model.heading });
  heading.id = `${ID_PREFIX}-heading`;
  // The card's direction is its language's; text that may be in another script (an instrument's name as the
  // page wrote it, a symbol, a title) is isolated and takes its own direction.
  heading.dir = 'auto';
  card.append(heading);

  const desc = el(doc, 'div');
  desc.id = `${ID_PREFIX}-desc`;
  if (model.title) {
    const title = el(doc, 'p', { className: 'title' });
    if (model.titleLang) title.append(foreign(doc, model.title, model.titleLang, model.lang));
    else {
      title.textContent = model.title;
      title.dir = 'auto';
    }
    desc.append(title);
  }
  if (model.status === 'loading') desc.append(el(doc, 'p', { className: 'loading', text: t('cardLoading') }));
  if (model.notice) {
    const notice = el(doc, 'p', { className: 'notice', text: model.notice });
    notice.setAttribute('role', 'status');
    desc.append(notice);
  }
  if (model.facts.length > 0) {
    const dl = el(doc, 'dl', { className: 'facts' });
    for (const f of model.facts) {
      const dt = el(doc, 'dt', { text: f.label });
      const dd = el(doc, 'dd');
      if (f.lang) dd.append(foreign(doc, f.value, f.lang, model.lang));
      else {
        appendSpans(doc, dd, f.value);
        dd.dir = 'auto';
      }
      dt.dir = 'auto';
      dl.append(dt, dd);
    }
    desc.append(dl);
  }
  card.append(desc);

  if (model.links.length > 0) {
    const ul = el(doc, 'ul', { className: 'links' });
    for (const l of model.links) {
      const a = el(doc, 'a', { text: l.label });
      // Only https addresses built from keys reach here; the check keeps a javascript: URL out even so.
      if (/^https:\/\//.test(l.url)) a.href = l.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      const li = el(doc, 'li');
      li.append(a);
      ul.append(li);
    }
    card.append(ul);
  }

  const { index, total } = model.occurrence;
  if (total > 0) {
    const occ = el(doc, 'div', { className: 'occ' });
    const times = plural(t, 'cardCited', total);
    occ.append(el(doc, 'span', { className: 'occ-count', text: times }));
    if (total > 1 && handlers.onPrev && handlers.onNext) {
      const prev = el(doc, 'button', { className: 'prev', text: '‹' });
      prev.type = 'button';
      prev.setAttribute('aria-label', t('cardPrevious'));
      prev.addEventListener('click', () => handlers.onPrev?.());
      // Isolated in the card's direction, so "1 of 2" (or "1 من 2") never mixes with the arrows around it.
      const pos = el(doc, 'bdi', {
        className: 'occ-pos',
        text: t('cardPosition', [String(index), String(total)]),
      });
      pos.dir = model.dir;
      const next = el(doc, 'button', { className: 'next', text: '›' });
      next.type = 'button';
      next.setAttribute('aria-label', t('cardNext'));
      next.addEventListener('click', () => handlers.onNext?.());
      occ.append(prev, pos, next);
    }
    card.append(occ);
  }

  const actions = el(doc, 'div', { className: 'actions' });
  const status = el(doc, 'p', { className: 'copied' });
  status.setAttribute('aria-live', 'polite');
  if (handlers.onCopy) {
    // [format, button label, name of the format in the "Copied" line, text].
    const copies: [CopyFormat, string, string, string][] = [
      ['un', t('cardCopyUn'), t('cardFormatUn'), model.citation.un],
      ['csl', t('cardCopyCsl'), t('cardCopyCsl'), model.citation.csl],
      ['bibtex', t('cardCopyBibtex'), t('cardCopyBibtex'), model.citation.bibtex],
    ];
    for (const [format, label, formatName, text] of copies) {
      const b = el(doc, 'button', { className: `copy-${format}`, text: label });
      b.type = 'button';
      b.addEventListener('click', async () => {
        const done = await handlers.onCopy?.(format, text);
        status.textContent = done ? t('cardCopied', [formatName]) : t('cardCopyFailed');
      });
      actions.append(b);
    }
  }
  if (handlers.onTrace) {
    const b = el(doc, 'button', { className: 'trace', text: t('cardTrace') });
    b.type = 'button';
    b.addEventListener('click', () => handlers.onTrace?.(model.key));
    actions.append(b);
  }
  if (handlers.onSiteOff) {
    const b = el(doc, 'button', { className: 'site-off', text: handlers.siteOffLabel ?? t('cardSiteOff') });
    b.type = 'button';
    b.addEventListener('click', () => handlers.onSiteOff?.());
    actions.append(b);
  }
  if (actions.childElementCount > 0) card.append(actions, status);

  card.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') handlers.onClose?.();
  });
  container.append(card);
  return card;
}

/** What {@link showUndoToast} says and does. */
export interface UndoToast {
  /** The notice ("Citations are off on www.un.org."). */
  text: string;
  /** The button's label ("Undo"). */
  undoLabel: string;
  /** Restores what was switched off; the toast is gone when it runs. */
  onUndo(): void | Promise<void>;
  /** How long the notice stays (default 10 s; it also stays while hovered or focused). */
  timeoutMs?: number;
}

/** Tag of the toast's host element (one per document; a new toast replaces the old). */
export const TOAST_TAG = 'un-cite-toast';

const TOAST_CSS = `
:host { all: initial; }
.toast {
  position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%);
  z-index: 2147483647; display: flex; align-items: center; gap: 12px; max-width: calc(100vw - 32px);
  box-sizing: border-box; padding: 8px 10px 8px 14px; border-radius: 6px;
  background: #202122; color: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.3);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif;
}
button {
  font: inherit; font-weight: 600; padding: 3px 10px; border-radius: 4px; border: 1px solid #88a3e8;
  background: transparent; color: #b6c8f5; cursor: pointer;
}
button:hover { background: rgba(255,255,255,.12); }
button:focus-visible { outline: 2px solid #88a3e8; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .toast { background: #eaecf0; color: #202122; }
  button { color: #2a4b8d; border-color: #36c; }
  button:hover { background: rgba(0,0,0,.08); }
}
`;

/**
 * A notice at the foot of the window with an Undo button, for a change made by one click that the reader
 * may not have meant ("Off for this site" on a card). The Undo button takes the focus, so Enter or Space
 * undoes at once; the notice goes away by itself after a while. Its own shadow root keeps page CSS out.
 */
export function showUndoToast(doc: Document, toast: UndoToast): { remove(): void } {
  doc.querySelector(TOAST_TAG)?.remove();
  const host = doc.createElement(TOAST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  ensureStyles(shadow, TOAST_CSS);
  const box = el(doc, 'div', { className: 'toast' });
  box.setAttribute('role', 'status');
  box.dir = doc.documentElement.dir || 'auto';
  const undo = el(doc, 'button', { className: 'undo', text: toast.undoLabel });
  undo.type = 'button';
  box.append(el(doc, 'span', { className: 'toast-text', text: toast.text }), undo);
  shadow.append(box);
  // On <html>, outside the page's <body>: the page's own DOM stays as it was.
  doc.documentElement.append(host);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const remove = () => {
    clearTimeout(timer);
    host.remove();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(remove, toast.timeoutMs ?? 10_000);
  };
  // The notice waits while the reader is on it (reading it, or about to press Undo).
  box.addEventListener('pointerenter', () => clearTimeout(timer));
  box.addEventListener('pointerleave', arm);
  undo.addEventListener('focus', () => clearTimeout(timer));
  undo.addEventListener('blur', arm);
  undo.addEventListener('click', (e) => {
    // Only the reader's own click: a page script's .click() must not change a setting.
    if (!e.isTrusted) return;
    remove();
    void toast.onUndo();
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') remove();
  });
  arm();
  undo.focus({ preventScroll: true });
  return { remove };
}
