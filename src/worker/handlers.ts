/**
 * The worker's answers to {@link WorkerProtocol} messages. Each handler delegates to the index
 * (`src/core/index/`) through the lazy {@link IndexService}; errors become typed `Result` failures in
 * `dispatch`, never an exception that kills the worker.
 */
import type { FindResult, Lang } from '../core/mention';
import type { Handlers } from '../shared/messaging';
import type { Req, WorkerProtocol } from '../shared/protocol';
import type { TraceTarget } from '../shared/trace-page';
import type { IndexService } from './index-service';

/** What the handlers need from the worker around them (injected so they run in unit tests). */
export interface HandlerDeps {
  index: IndexService;
  /** The user's link language (settings, else the browser's UI language). */
  linkLang(): Promise<Lang>;
  /** Opens the trace view. */
  openTrace(target: TraceTarget): Promise<'side-panel' | 'sidebar' | 'tab'>;
  /** HOVER helper: the finder for content scripts (src/worker/page-finder.ts); optional for tests. */
  find?(req: Req<WorkerProtocol, 'find'>): Promise<FindResult>;
  /** Extension version, for `ping`. */
  version: string;
  /**
   * Opens a PDF in the citation viewer (VIEWER helper: src/worker/viewer-menu.ts `openViewer`); optional so tests and
   * builds without the viewer still type-check.
   */
  openViewer?(
    file: string,
    where: { tabId?: number; openerTab?: { id?: number; index?: number } },
  ): Promise<{ tabId?: number }>;
}

/** Default number of search results when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** Builds the handler map for `createWorkerListener`. */
export function createHandlers<S extends { tab?: { id?: number } }>(
  deps: HandlerDeps,
): Handlers<WorkerProtocol, S> {
  return {
    lookup: async ({ key, lang, volume }) => {
      const l = lang ?? (await deps.linkLang());
      return deps.index.use((i) => i.lookup(key, l, volume));
    },
    search: ({ query, limit }) => {
      if (!query.trim()) return [];
      return deps.index.use((i) => i.search(query, limit ?? DEFAULT_SEARCH_LIMIT));
    },
    trace: ({ key }) => deps.index.use((i) => i.trace(key)),
    openTrace: async ({ key, query }, sender) => {
      const tabId = sender.tab?.id;
      const target: TraceTarget = { ...(key ? { key } : {}), ...(query ? { query } : {}) };
      if (tabId !== undefined) target.tabId = tabId;
      return { surface: await deps.openTrace(target) };
    },
    ping: () => ({ indexLoaded: deps.index.isLoaded(), version: deps.version }),
    find: (req) => {
      if (!deps.find) throw new Error('no finder in this worker');
      return deps.find(req);
    },
    // VIEWER helper: the "Open with citations" button on UN landing pages (src/content/open-with-citations.ts).
    openViewer: async ({ file, replace }, sender) => {
      if (!deps.openViewer) throw new Error('no viewer in this build');
      const tab = sender.tab as { id?: number; index?: number } | undefined;
      return deps.openViewer(
        file,
        replace && tab?.id !== undefined ? { tabId: tab.id } : tab ? { openerTab: tab } : {},
      );
    },
  };
}
