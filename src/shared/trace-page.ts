/**
 * The trace page's address: the one place that writes and reads it. The worker's menu and command, the
 * omnibox, the popup and the trace view itself all open the view by this URL, so they cannot disagree on a
 * parameter name. Pure (no browser API): the extension root is added by the caller (`runtime.getURL`).
 */

/** The trace page inside the extension (built from `src/trace/index.html`, named by the manifest's side panel). */
export const TRACE_PAGE = 'src/trace/index.html';

/** What the trace view is asked to show (`?key=`, `?q=`, `&tab=`). */
export interface TraceTarget {
  key?: string;
  query?: string;
  /** Tab the request came from (its content script knows the page's mentions and identity). */
  tabId?: number;
}

/** Query string of the trace page for a target, `''` for none (the inverse of {@link parseTraceParams}). */
export function traceSearch(target: TraceTarget): string {
  const p = new URLSearchParams();
  if (target.key) p.set('key', target.key);
  if (target.query) p.set('q', target.query);
  if (target.tabId !== undefined) p.set('tab', String(target.tabId));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The trace page URL (relative to the extension root) for a target. */
export function tracePagePath(target: TraceTarget): string {
  return `${TRACE_PAGE}${traceSearch(target)}`;
}

/** Reads the trace page's query string. Blank values count as absent; a non-numeric tab is ignored. */
export function parseTraceParams(search: string): TraceTarget {
  const p = new URLSearchParams(search);
  const out: TraceTarget = {};
  const key = p.get('key')?.trim();
  const query = p.get('q')?.trim();
  const tab = p.get('tab');
  if (key) out.key = key;
  if (query) out.query = query;
  if (tab && /^\d+$/.test(tab)) out.tabId = Number(tab);
  return out;
}
