/**
 * Which addresses are UN PDFs and how the viewer is addressed; pure (shared by the worker's menu, the content
 * script's "Open with citations" control and their tests).
 */

/** The viewer page inside the extension. */
export const VIEWER_PATH = 'src/viewer/index.html';

/**
 * Link patterns the menu item shows on: PDF files anywhere, and the UN addresses that serve a PDF without a
 * `.pdf` name (documents.un.org's symbol API, undocs.org/docs.un.org symbol links, Digital Library files).
 */
export const PDF_LINK_PATTERNS: readonly string[] = [
  '*://*/*.pdf',
  '*://*/*.PDF',
  '*://*/*.pdf?*',
  '*://documents.un.org/*',
  '*://documents-dds-ny.un.org/*',
  '*://undocs.org/*',
  '*://docs.un.org/*',
  '*://digitallibrary.un.org/record/*/files/*',
];

/** The viewer's address for a PDF address. */
export function viewerUrl(file: string, base: string): string {
  return `${base.replace(/\/?$/, '/')}${VIEWER_PATH}?file=${encodeURIComponent(file)}`;
}

/**
 * True for addresses that are a UN PDF (not a landing page): a `.pdf` file on a UN host, documents.un.org's
 * `api/symbol/access` and the ODS `/doc/UNDOC/...` paths, Digital Library record files.
 * @example isUnPdfUrl('https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf') // true
 * @example isUnPdfUrl('https://undocs.org/A/RES/77/176') // false: a landing page
 */
export function isUnPdfUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol)) return false;
  const host = u.hostname.toLowerCase();
  const un = host === 'un.org' || host.endsWith('.un.org');
  if (!un) return false;
  const path = u.pathname.toLowerCase();
  if (path.endsWith('.pdf')) return true;
  if (
    host.startsWith('documents') &&
    (path.startsWith('/api/symbol/access') || path.startsWith('/doc/undoc/'))
  )
    return true;
  return host === 'digitallibrary.un.org' && /^\/record\/\d+\/files\//.test(path);
}

const LANG_PREFIX = /^\/(en|fr|es|ru|zh|ar)\//i;

/**
 * The PDF behind a link: undocs.org and docs.un.org symbol links ("https://undocs.org/A/RES/77/176",
 * "https://undocs.org/fr/A/RES/77/176") are landing pages; their document is documents.un.org's symbol access
 * address (the one those landing pages frame). Any other address is returned as it is.
 */
export function pdfUrlFor(link: string): string {
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return link;
  }
  if (!/^(?:undocs\.org|docs\.un\.org)$/i.test(u.hostname)) return link;
  let path = decodeURIComponent(u.pathname);
  const lang = LANG_PREFIX.exec(path)?.[1]?.toLowerCase() ?? 'en';
  path = path.replace(LANG_PREFIX, '/').replace(/^\/+/, '');
  // A symbol has a slash and an upper-case series ("A/RES/77/176", "S/RES/2334(2016)"); anything else is a page.
  if (!/^[A-Z][A-Za-z0-9.]*\/\S+$/.test(path)) return link;
  return `https://documents.un.org/api/symbol/access?s=${encodeURIComponent(path)}&l=${lang}&t=pdf`;
}
