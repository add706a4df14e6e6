/**
 * The top frame's answers to the tab protocol: what the popup and the trace view ask a page (the citation
 * under the last right-click, the page's citations, a mention to scroll to, the key the trace view shows).
 */
import { MARK, readMark, setMarkFlag } from '../page-ui/marks';
import { browser } from '../shared/browser';
import { createTabListener } from '../shared/messaging';
import { isPending, type Lens } from './lens';
import { pageLangOf } from './page-facts';
import { pageIdentity } from './page-identity';

/** A right-click this recent is what "Trace citation" was chosen on (the menu follows it within seconds). */
const CONTEXT_FRESH_MS = 10_000;
/** How long a mention scrolled to from the popup or the trace view stays highlighted. */
const FLASH_MS = 1500;

/** Starts answering the tab protocol for `lens`'s page (call it in the top frame only). */
export function answerTabProtocol(lens: Lens): void {
  // The annotated citation under the last right-click: the menu's click data does not say which element it was.
  let context: { mark: HTMLElement; at: number } | undefined;
  document.addEventListener(
    'contextmenu',
    (e) => {
      // A scripted contextmenu event must not decide what "Trace citation" traces.
      if (!e.isTrusted) return;
      const mark = e.target instanceof Element ? e.target.closest<HTMLElement>(MARK) : null;
      context = mark ? { mark, at: Date.now() } : undefined;
    },
    true,
  );
  browser.runtime.onMessage.addListener(
    createTabListener({
      contextCitation: () => {
        const clicked = context && Date.now() - context.at <= CONTEXT_FRESH_MS ? context.mark : undefined;
        const mark = clicked && readMark(clicked);
        if (!clicked || !mark) return {};
        const index = lens
          .pageMentions()
          .heads.findIndex((h) => h === clicked || (!isPending(h) && readMark(h)?.id === mark.id));
        return { key: mark.key, ...(index >= 0 ? { index } : {}) };
      },
      pageCitations: async () => ({
        url: location.href,
        title: document.title,
        lang: pageLangOf(document) ?? 'en',
        identity: await pageIdentity(document),
        mentions: lens.pageMentions().mentions,
      }),
      highlightMention: ({ index }) => {
        const head = lens.headAt(index);
        if (!head) return { found: false };
        head.scrollIntoView({ block: 'center' });
        setMarkFlag(head, 'flash', true);
        setTimeout(() => setMarkFlag(head, 'flash', false), FLASH_MS);
        head.focus({ preventScroll: true });
        return { found: true };
      },
      traceOpened: ({ key }) => {
        let marked = 0;
        // Mentions not marked yet (big page) get the highlight when their marks go in (`onMarked`).
        lens.tracedKey = key;
        for (const h of lens.pageMentions().heads) {
          if (isPending(h)) {
            if (h.key === key) marked++;
          } else {
            const on = readMark(h)?.key === key;
            setMarkFlag(h, 'traced', on);
            if (on) marked++;
          }
        }
        return { marked };
      },
    }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
}
