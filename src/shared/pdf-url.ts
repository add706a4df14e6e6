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
 * The viewer's parameter that carries a redirected address verbatim: everything after `?url=` is the address,
 * unencoded (a declarativeNetRequest substitution cannot encode), so it must be the first and only parameter.
 */
const RAW_URL_PARAM = 'url';

// The address patterns, written once for both readers: `isUnPdfUrl` here and the browser's redirect rules
// (declarativeNetRequest `regexFilter`, RE2 syntax: no lookaround, so "t is not pdf" is its own pattern).
// Matched without case, against a whole address as the browser writes it (lower-case host, no fragment).
const UN_HOST = String.raw`^https?://(?:[a-z0-9-]+\.)*un\.org(?::[0-9]+)?`;
/**
 * A file named `.pdf` on a UN host: documents.un.org `/doc/undoc/…/pdf/….pdf` (and the old ODS host
 * documents-dds-ny.un.org `….pdf?OpenElement`), Digital Library files `/record/<n>/files/….pdf`, and PDFs
 * published anywhere else on un.org.
 */
const UN_PDF_FILE_RE = String.raw`${UN_HOST}/[^?#]*\.pdf(?:[?#].*)?$`;
/** documents.un.org's symbol address (`/api/symbol/access?s=A/RES/77/176&l=en&t=pdf`), a PDF unless `t` says otherwise. */
const SYMBOL_ACCESS_RE = String.raw`^https?://documents(?:-dds-ny)?\.un\.org(?::[0-9]+)?/api/symbol/access(?:[?#].*)?$`;
/** The symbol address asking for another format (`t=doc`, `t=docx`): not a PDF. */
const SYMBOL_ACCESS_NOT_PDF_RE = String.raw`/api/symbol/access\?(?:[^#]*&)?t=(?:[^p&#]|p[^d&#]|pd[^f&#]|pdf[^&#]|&|#|$)`;

const re = (src: string) => new RegExp(src, 'i');
const PATTERNS = {
  file: re(UN_PDF_FILE_RE),
  access: re(SYMBOL_ACCESS_RE),
  notPdf: re(SYMBOL_ACCESS_NOT_PDF_RE),
};

/**
 * True for addresses that are a UN PDF for sure (not a landing page): a `.pdf` file on a UN host, and
 * documents.un.org's `api/symbol/access` unless it asks for another format. The browser's redirect to the
 * viewer uses the same patterns ({@link pdfRedirectRules}).
 * @example isUnPdfUrl('https://documents.un.org/doc/undoc/gen/n22/760/32/pdf/n2276032.pdf') // true
 * @example isUnPdfUrl('https://undocs.org/A/RES/77/176') // false: a landing page
 */
export function isUnPdfUrl(url: string): boolean {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return false;
  }
  if (PATTERNS.file.test(href)) return true;
  return PATTERNS.access.test(href) && !PATTERNS.notPdf.test(href);
}

/** The slice of a declarativeNetRequest rule the redirect uses (Chrome and Firefox take the same shape). */
export interface PdfRule {
  id: number;
  priority: number;
  action: { type: 'allow' } | { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter: string;
    isUrlFilterCaseSensitive: false;
    resourceTypes: ['main_frame'];
    excludedRequestDomains?: string[];
  };
}

/** Ids of the dynamic rules {@link pdfRedirectRules} makes (all of them, so that an update removes every one). */
export const PDF_RULE_IDS: readonly number[] = [1, 2, 3];

/**
 * The dynamic rules that send a tab's navigation to a UN PDF straight to the viewer, before the browser's own
 * PDF viewer starts: none when the option is off; the hosts the user sent back to the browser's viewer
 * (`browserViewerSites`) are left out. Only top-level navigations (`main_frame`): the viewer's own fetch of the
 * file and a landing page's frame are not touched. `viewerPage` is the viewer's full address
 * (`runtime.getURL(VIEWER_PATH)`); the file follows verbatim as `?url=` (see {@link RAW_URL_PARAM}).
 */
export function pdfRedirectRules(
  on: boolean,
  browserViewerSites: readonly string[],
  viewerPage: string,
): PdfRule[] {
  if (!on) return [];
  const redirect = {
    type: 'redirect' as const,
    redirect: { regexSubstitution: `${viewerPage}?${RAW_URL_PARAM}=\\0` },
  };
  const when = (regexFilter: string): PdfRule['condition'] => ({
    regexFilter,
    isUrlFilterCaseSensitive: false,
    resourceTypes: ['main_frame'],
    ...(browserViewerSites.length > 0 ? { excludedRequestDomains: [...browserViewerSites] } : {}),
  });
  return [
    { id: 1, priority: 1, action: redirect, condition: when(UN_PDF_FILE_RE) },
    { id: 2, priority: 1, action: redirect, condition: when(SYMBOL_ACCESS_RE) },
    { id: 3, priority: 2, action: { type: 'allow' }, condition: when(SYMBOL_ACCESS_NOT_PDF_RE) },
  ];
}

/**
 * A session rule that lets one address through to the browser (the viewer's "open the original" after it
 * could not show the file): an exact-address filter above the redirect rules.
 */
export function passThroughRule(id: number, url: string): PdfRule {
  return {
    id,
    priority: 3,
    action: { type: 'allow' },
    condition: {
      regexFilter: `^${url.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`,
      isUrlFilterCaseSensitive: false,
      resourceTypes: ['main_frame'],
    },
  };
}

/**
 * The file address of a viewer address: `?file=<encoded>` (what the extension opens), or `?url=<verbatim>`
 * (what the browser's redirect writes). Undefined for anything that is not a web address.
 */
export function viewerFile(search: string): string | undefined {
  const raw = search.startsWith(`?${RAW_URL_PARAM}=`)
    ? search.slice(RAW_URL_PARAM.length + 2)
    : new URLSearchParams(search).get('file');
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
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

/**
 * Whether a PDF the page shows opens in the viewer by itself: the `openPdfsInViewer` option is on and the PDF's
 * site is not one the user sent back to the browser's viewer (matched as the redirect's
 * `excludedRequestDomains` match: the host or a host below it).
 */
export function opensInViewer(
  settings: { openPdfsInViewer: boolean; browserPdfSites: readonly string[] },
  file: string,
): boolean {
  if (!settings.openPdfsInViewer) return false;
  let host: string;
  try {
    host = new URL(file).hostname.toLowerCase();
  } catch {
    return false;
  }
  return !settings.browserPdfSites.some((s) => host === s || host.endsWith(`.${s}`));
}
