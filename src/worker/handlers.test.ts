import { describe, expect, test, vi } from 'vitest';
import type { IndexService } from './index-service';

// The handlers' module reaches the browser seam through shared/messaging; nothing here calls it.
vi.mock('../shared/browser', () => ({ browser: {} }));
const { createHandlers, VIEWER_BURST_MS } = await import('./handlers');

type Sender = { tab?: { id?: number; index?: number }; frameId?: number };
type Where = { tabId?: number; openerTab?: { id?: number; index?: number } };

/** The handlers with a recording viewer opener and a clock the test moves. */
function setup() {
  const opened: { file: string; where: Where }[] = [];
  let clock = 1_000_000;
  const handlers = createHandlers<Sender>({
    index: {} as IndexService,
    linkLang: async () => 'en',
    openTrace: async () => 'tab',
    version: 'test',
    openViewer: async (file, where) => {
      opened.push({ file, where });
      return { tabId: 100 + opened.length };
    },
    now: () => clock,
  });
  const open = (file: string, sender: Sender, replace = false) =>
    handlers.openViewer({ file, ...(replace ? { replace } : {}) }, sender);
  return { opened, open, advance: (ms: number) => (clock += ms) };
}

const UN_PDF = 'https://documents.un.org/doc/undoc/gen/n22/757/64/pdf/n2275764.pdf';
const PAGE = { tab: { id: 7, index: 2 }, frameId: 0 };

describe('openViewer from a content script', () => {
  test('a UN PDF opens in a new tab next to the page', async () => {
    const { opened, open } = setup();
    expect(await open(UN_PDF, PAGE)).toEqual({ tabId: 101 });
    expect(opened).toEqual([{ file: UN_PDF, where: { openerTab: { id: 7, index: 2 } } }]);
  });

  test('any other address is refused: a page can point its iframe anywhere', async () => {
    const { opened, open } = setup();
    await expect(open('https://evil.example/tracker.pdf', PAGE)).rejects.toThrow(/UN PDF/);
    await expect(open('http://localhost:8080/x.pdf', PAGE)).rejects.toThrow(/UN PDF/);
    expect(opened).toEqual([]);
  });

  test('a sender that is not in a tab is refused', async () => {
    const { opened, open } = setup();
    await expect(open(UN_PDF, {})).rejects.toThrow(/tab/);
    expect(opened).toEqual([]);
  });

  test('the same file asked again in a burst opens one tab, and again after the burst', async () => {
    const { opened, open, advance } = setup();
    await Promise.all([open(UN_PDF, PAGE), open(UN_PDF, PAGE), open(UN_PDF, PAGE)]);
    expect(opened).toHaveLength(1);
    advance(VIEWER_BURST_MS - 1);
    expect(await open(UN_PDF, PAGE)).toEqual({ tabId: 101 });
    expect(opened).toHaveLength(1);
    advance(1);
    await open(UN_PDF, PAGE);
    expect(opened).toHaveLength(2);
  });

  test('another tab may open the same file at once', async () => {
    const { opened, open } = setup();
    await open(UN_PDF, PAGE);
    await open(UN_PDF, { tab: { id: 8, index: 3 }, frameId: 0 });
    expect(opened).toHaveLength(2);
  });

  test('only the top frame may replace its tab', async () => {
    const { opened, open } = setup();
    await open(UN_PDF, { tab: { id: 7, index: 2 }, frameId: 3 }, true);
    expect(opened[0]!.where).toEqual({ openerTab: { id: 7, index: 2 } });
    const other = setup();
    await other.open(UN_PDF, PAGE, true);
    expect(other.opened[0]!.where).toEqual({ tabId: 7 });
  });
});
