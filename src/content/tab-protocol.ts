/**
 * The top frame's answers to the tab protocol: what the popup and the trace view ask a page (the citation
 * under the last right-click, the page's citations, a mention to scroll to, the key the trace view shows).
 */
import { browser } from '../shared/browser';
import { createTabListener } from '../shared/messaging';
import type { Lens } from './lens';
import { pageLangOf } from './page-facts';
import { pageIdentity } from './page-identity';
import { type PageMark, scrollToMark } from './page-marks';

/** A right-click this recent is what "Trace citation" was chosen on (the menu follows it within seconds). */
const CONTEXT_FRESH_MS = 10_000;
/** How long a mention scrolled to from the popup or the trace view stays highlighted. */
const FLASH_MS = 1500;

/** Starts answering the tab protocol for `lens`'s page (call it in the top frame only). */
export function answerTabProtocol(lens: Lens): void {
  // The citation under the last right-click: the menu's click data does not say where it was.
  let context: { mark: PageMark; at: number } | undefined;
  document.addEventListener(
    'contextmenu',
    (e) => {
      // A scripted contextmenu event must not decide what "Trace citation" traces.
      if (!e.isTrusted) return;
      const mark = lens.topLens()?.marks.at(e.clientX, e.clientY);
      context = mark ? { mark, at: Date.now() } : undefined;
    },
    true,
  );
  browser.runtime.onMessage.addListener(
    createTabListener({
      contextCitation: () => {
        const mark = context && Date.now() - context.at <= CONTEXT_FRESH_MS ? context.mark : undefined;
        if (!mark) return {};
        const index = lens.pageMentions().heads.indexOf(mark);
        return { key: mark.key, ...(index >= 0 ? { index } : {}) };
      },
      pageCitations: async () => ({
        url: location.href,
        title: document.title,
        lang: pageLangOf(document) ?? 'en',
        identity: await pageIdentity(document),
        mentions: lens.pageMentions().mentions,
        scan: lens.scanStats(),
      }),
      highlightMention: ({ index }) => {
        const mark = lens.headAt(index);
        const top = lens.topLens();
        if (!mark || !top) return { found: false };
        scrollToMark(mark);
        top.marks.flash(mark, FLASH_MS);
        return { found: true };
      },
      traceOpened: ({ key }) => {
        // Mentions found later get the highlight as they are drawn (document-lens.ts).
        lens.tracedKey = key;
        return { marked: lens.topLens()?.marks.setTraced(key) ?? 0 };
      },
    }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
}
