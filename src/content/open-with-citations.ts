/**
 * "Open with citations" on UN pages that show a PDF: the undocs.org / docs.un.org landing page (the document is
 * an iframe from documents.un.org), a PDF opened straight from documents.un.org, and a Digital Library record
 * (its files are PDF links). A content script cannot reach the browser's PDF viewer, so the button opens the
 * PDF in the extension's own viewer (src/viewer/), where the hover cards work. With the `openPdfsInViewer`
 * setting on, a landing page or a PDF tab goes to the viewer by itself.
 *
 * The content entry calls {@link initOpenWithCitations}; opening goes through the worker (`openViewer`), because
 * a web page may not navigate to an extension page.
 */

import { closedHost, OPEN_PDF_TAG, pinOverPage } from '../page-ui/marks';
import { isUnPdfUrl } from '../shared/pdf-url';

/** Host names where the control is offered (the others only annotate text). */
const PDF_HOSTS =
  /^(?:undocs\.org|docs\.un\.org|documents\.un\.org|documents-dds-ny\.un\.org|digitallibrary\.un\.org)$/i;

const CSS = `
:host { all: initial; }
button {
  font: 600 13px/1.2 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #fff; background: #36c;
  border: 0; border-radius: 18px; padding: 9px 16px; box-shadow: 0 2px 8px rgba(0,0,0,.25); cursor: pointer;
}
button:hover { background: #2a4b8d; }
button:focus-visible { outline: 3px solid #fc3; outline-offset: 2px; }
`;

const absolute = (u: string | null | undefined, base: string): string | undefined => {
  if (!u) return undefined;
  try {
    return new URL(u, base).href;
  } catch {
    return undefined;
  }
};

/** The PDF a page shows: the page itself when it is a PDF, else the PDF in an iframe/embed/object. */
function shownPdfUrl(doc: Document): string | undefined {
  const here = doc.location?.href ?? '';
  if (doc.contentType === 'application/pdf') return here;
  const abs = (u: string | null) => absolute(u, here);
  const embedded = [
    ...[...doc.querySelectorAll<HTMLIFrameElement>('iframe[src]')].map((f) => f.getAttribute('src')),
    ...[...doc.querySelectorAll<HTMLEmbedElement>('embed[src]')].map((e) => e.getAttribute('src')),
    ...[...doc.querySelectorAll<HTMLObjectElement>('object[data]')].map((o) => o.getAttribute('data')),
  ]
    .map(abs)
    .filter((u): u is string => !!u);
  return embedded.find((u) => isUnPdfUrl(u) || /\.pdf(?:$|[?#])/i.test(u));
}

/** The PDF a page offers (Digital Library records): the first file link in the page's language or English. */
function offeredPdfUrl(doc: Document): string | undefined {
  const here = doc.location?.href ?? '';
  const abs = (u: string | null) => absolute(u, here);
  const links = [...doc.querySelectorAll<HTMLAnchorElement>('a[href]')]
    .map((a) => abs(a.getAttribute('href')))
    .filter((u): u is string => !!u && isUnPdfUrl(u));
  if (links.length === 0) return undefined;
  const lang = (doc.documentElement.lang || 'en').slice(0, 2).toUpperCase();
  return (
    links.find((u) => new RegExp(`-${lang}\\.pdf`, 'i').test(u)) ??
    links.find((u) => /-EN\.pdf/i.test(u)) ??
    links[0]
  );
}

/** What the control needs from the content entry. */
export interface OpenWithCitationsDeps {
  /** Opens the viewer for `file` (in this tab when `replace`). */
  open(file: string, replace: boolean): void;
  /** Whether this PDF opens in the viewer by itself (the `openPdfsInViewer` setting, less the sites sent back). */
  auto(file: string): boolean;
  /** Button label (localized by the caller). */
  label?: string;
}

/**
 * Adds the control when the page shows a UN PDF; returns a function that removes it, or undefined when the
 * page has none. With `auto` on, opens the viewer in this tab at once, for a PDF the page shows (a landing
 * page's frame, a PDF tab the browser's redirect did not catch): never for a page that only links PDFs (a
 * Digital Library record, a search result), where the user picks the file.
 */
export function initOpenWithCitations(doc: Document, deps: OpenWithCitationsDeps): (() => void) | undefined {
  const host = doc.location?.hostname ?? '';
  if (!PDF_HOSTS.test(host) || doc.querySelector(OPEN_PDF_TAG)) return undefined;
  const shown = shownPdfUrl(doc);
  const file = shown ?? offeredPdfUrl(doc);
  if (!file) return undefined;
  // A UN PDF only: the worker opens no other from a page (a page can point its frame anywhere).
  if (file === shown && isUnPdfUrl(file) && deps.auto(file)) {
    deps.open(file, true);
    return () => {};
  }
  // Closed: a page script can neither read the control nor click it (three scripted clicks once opened three tabs).
  const made = closedHost(doc, OPEN_PDF_TAG);
  if (!made) return undefined;
  const { host: el, shadow } = made;
  // Just under the card.
  pinOverPage(el, 2147483646, { bottom: '16px', right: '16px' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = deps.label ?? 'Open with citations';
  button.title = 'Open this PDF in UN Citation Lens, with a card for every citation';
  button.dataset.file = file;
  // Only the user's click (or Enter/Space on the focused button, which the browser turns into a trusted click).
  button.addEventListener('click', (e) => {
    if (e.isTrusted) deps.open(file, false);
  });
  shadow.append(style, button);
  doc.documentElement.append(el);
  return () => el.remove();
}
