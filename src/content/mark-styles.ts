/** The quiet-link look of marks on a page, installed into each annotated document and removed with it. */
import { flagSelector, MARK } from '../page-ui/marks';

/** Static text (built at use: the mark's name is chosen at start); a constructed sheet is not blocked by CSP. */
const markCss = () => `
${MARK} { text-decoration: underline dotted currentColor; text-decoration-thickness: 1px; text-underline-offset: 2px; cursor: help; }
a ${MARK} { cursor: pointer; }
${MARK}:focus-visible { outline: 2px solid #36c; outline-offset: 1px; border-radius: 2px; }
${flagSelector('flash')} { background: rgba(255, 204, 51, .45); }
${flagSelector('traced')} { background: rgba(255, 230, 150, .35); }
`;

/** Adds the mark styles to `doc`; returns what removes them. */
export function installMarkStyles(doc: Document): () => void {
  try {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(markCss());
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = markCss();
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}
