/**
 * The worker's answers to {@link WorkerProtocol} messages. Each handler delegates to the index
 * (`src/core/index/`) through the lazy {@link IndexService}; errors become typed `Result` failures in
 * `dispatch`, never an exception that kills the worker.
 */
import type { FindResult, Lang } from '../core/mention';
import type { MessageTable } from '../shared/messages';
import { type Handlers, ProtocolFailure } from '../shared/messaging';
import { isUnPdfUrl } from '../shared/pdf-url';
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
  /** The message table of a language, read from the extension's `_locales` (for cards: `messages`). */
  messages?(lang: Lang): Promise<MessageTable>;
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

/**
 * A second `openViewer` for the same file within this time opens nothing: one click is one tab, however many
 * times a page manages to send the message.
 */
export const VIEWER_BURST_MS = 10_000;

/** Default number of search results when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** Builds the handler map for `createWorkerListener`. */
export function createHandlers<S extends { tab?: { id?: number }; frameId?: number }>(
  deps: HandlerDeps & { now?: () => number },
): Handlers<WorkerProtocol, S> {
  const now = deps.now ?? Date.now;
  /** When each tab last opened each file by message (for {@link VIEWER_BURST_MS}); the worker's lifetime is enough. */
  const recent = new Map<string, { at: number; tabId?: number }>();
  return {
    lookup: async ({ key, lang, volume }) => {
      if (lang) return deps.index.use((i) => i.lookup(key, lang, volume));
      // Without a language, the settings read that decides it and the index read run at once: the worker
      // waits for the slower of the two, not for both in turn. The second lookup finds the shard cached; only
      // its links depend on the language.
      const [l, english] = await Promise.all([
        deps.linkLang(),
        deps.index.use((i) => i.lookup(key, 'en', volume)).catch(() => undefined),
      ]);
      // An English reader's card is the one already made.
      if (l === 'en' && english) return english;
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
    messages: ({ lang }) => {
      if (!deps.messages) throw new Error('no message tables in this worker');
      return deps.messages(lang);
    },
    // VIEWER helper: the "Open with citations" button on UN landing pages (src/content/open-with-citations.ts).
    // Only a content script in a tab may ask, only for a UN PDF address (a page can point its iframe anywhere:
    // any other PDF is opened only from the link's context menu, which the user chose), and only the top frame
    // may replace its tab.
    openViewer: async ({ file, replace }, sender) => {
      if (!deps.openViewer) throw new Error('no viewer in this build');
      const tab = sender.tab as { id?: number; index?: number } | undefined;
      if (tab?.id === undefined)
        throw new ProtocolFailure('bad-request', 'openViewer is for content scripts in a tab');
      if (!isUnPdfUrl(file))
        throw new ProtocolFailure('bad-request', 'openViewer opens UN PDF addresses only');
      // A burst is one tab asking again for the same file; another tab may open it at once.
      const burst = `${tab.id} ${file}`;
      const last = recent.get(burst);
      const t = now();
      if (last && t - last.at < VIEWER_BURST_MS) return last.tabId !== undefined ? { tabId: last.tabId } : {};
      recent.set(burst, { at: t });
      for (const [f, r] of recent) if (t - r.at >= VIEWER_BURST_MS) recent.delete(f);
      const opened = await deps.openViewer(
        file,
        replace && (sender.frameId ?? 0) === 0 ? { tabId: tab.id } : { openerTab: tab },
      );
      recent.set(burst, { at: t, ...(opened.tabId !== undefined ? { tabId: opened.tabId } : {}) });
      return opened;
    },
  };
}
