/**
 * The omnibox keyword "un": "un 73/195" + Enter opens the document on undocs.org; while typing, the
 * suggestions come from the index search. Opening a document is the user's own navigation, not a request
 * the extension makes.
 */
import { undocsUrl } from '../card/key-info';
import { parseKey } from '../core/index/keys';
import type { Lang } from '../core/mention';
import { browser, type Omnibox, t } from '../shared/browser';
import { tracePagePath } from '../shared/trace-page';
import type { IndexService } from './index-service';

/** How many suggestions to show (Chrome shows at most ~9). */
const MAX_SUGGESTIONS = 6;

/** The undocs.org address for a canonical key, or undefined for keys without a document symbol. */
export function documentUrl(key: string, lang: Lang = 'en'): string | undefined {
  // Treaty Series, sales numbers and body-local resolution keys ("CPD res 2006/2") are not UN symbols.
  if (/^(UNTS|LNTS|MTDSG|Sales No\.|instrument:)|\sres\s|\sdec\s/.test(key)) return undefined;
  return undocsUrl(key, lang);
}

/** Where Enter goes for the typed text: the document when the text is a key, else the trace view's search. */
export function omniboxTarget(text: string, getURL: (p: string) => string, lang: Lang = 'en'): string {
  const key = parseKey(text)?.key;
  const doc = key ? documentUrl(key, lang) : undefined;
  if (doc) return doc;
  return getURL(tracePagePath(key ? { key } : { query: text.trim() }));
}

/** XML-escapes text for omnibox descriptions (Chrome parses them as XML). */
function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Wires the omnibox events; listeners are added synchronously at worker start. */
export function registerOmnibox(index: IndexService, linkLang: () => Promise<Lang>): void {
  const omnibox = browser.omnibox;
  if (!omnibox) return;
  omnibox.setDefaultSuggestion({ description: xml(t('omniboxDefault')) });
  omnibox.onInputChanged.addListener(async (text: string, suggest: (s: Omnibox.SuggestResult[]) => void) => {
    if (!text.trim()) return;
    try {
      const hits = await index.use((i) => i.search(text, MAX_SUGGESTIONS));
      suggest(
        hits.map((h) => ({
          content: h.key,
          description: xml(h.title ? `${h.key} — ${h.title}` : h.key),
        })),
      );
    } catch {
      suggest([]); // an unavailable index must not break typing in the address bar
    }
  });
  omnibox.onInputEntered.addListener(async (text: string, disposition: Omnibox.OnInputEnteredDisposition) => {
    const url = omniboxTarget(text, (p) => browser.runtime.getURL(p), await linkLang());
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  });
}
