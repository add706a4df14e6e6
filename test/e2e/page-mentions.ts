/**
 * What a test reads of the citations on a web page: the tab's `pageCitations` answer (the public contract, also
 * what says the scan is done), and what is drawn — the ranges of the extension's highlights in `CSS.highlights`,
 * which the page's own world sees too (the registry belongs to the document). No element or attribute of the page
 * says anything: there are no marks to query.
 */
import type { Frame, Page, Worker } from 'playwright-core';
import { CHANNEL, type PageScan } from '../../src/shared/protocol';
import type { Harness } from './harness';

/** One mention as `pageCitations` lists it. */
export interface ListedMention {
  index: number;
  kind: string;
  key: string;
  surface: string;
}

/** The tab's whole `pageCitations` reply; `value` is absent when the tab did not answer (no content script yet). */
export async function pageCitationsReply(_h: Harness, page: Page): Promise<Reply> {
  return askTab(page, await tabIdOf(page));
}

type Reply = { ok: boolean; value?: { mentions: ListedMention[]; scan?: PageScan }; error?: unknown };

/** The extension's service worker in `page`'s browser. */
async function workerOf(page: Page): Promise<Worker> {
  const context = page.context();
  return (
    context.serviceWorkers().find((x) => x.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }))
  );
}

/** The tab id of `page` (brought to the front once: the tab URLs are hidden without the tabs permission). */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const id = await (await workerOf(page)).evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/** `pageCitations` asked as the popup asks: from the extension's service worker, to the tab `tabId`. */
async function askTab(page: Page, tabId: number): Promise<Reply> {
  return (await (
    await workerOf(page)
  ).evaluate(
    async ([c, id]) => {
      try {
        return await chrome.tabs.sendMessage(
          id,
          { channel: c, type: 'pageCitations', payload: {} },
          { frameId: 0 },
        );
      } catch (e) {
        // No content script (yet) in the tab.
        return { ok: false, error: String(e) };
      }
    },
    [CHANNEL, tabId] as const,
  )) as Reply;
}

/** The page's mentions, asked as the popup asks (from an extension context, by tab id); none while unanswered. */
export async function pageCitations(h: Harness, page: Page): Promise<ListedMention[]> {
  return (await pageCitationsReply(h, page)).value?.mentions ?? [];
}

/** A drawn mention: its text and its first line box (viewport pixels), or no box when it is not laid out. */
export interface DrawnMention {
  text: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

/**
 * Runs in the page: the ranges of the extension's highlight layer `name`, in page order. Only mentions near the
 * viewport are drawn, so for `mark` and `traced` the page is scrolled from top to bottom (two viewport heights a
 * step: the extension draws one viewport height above and below) and every range drawn on the way is collected,
 * then the scroll goes back where it was. With `pick`, the `pick`th range is scrolled to the middle of the view
 * and drawn there before its box is read (where a user's pointer would hover it).
 */
async function collectDrawn(
  target: Page | Frame,
  name: string,
  pick?: number,
): Promise<(DrawnMention & { drawnNow: boolean })[]> {
  return target.evaluate(
    async ([layer, at]) => {
      const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const layerSets = () =>
        [...view.CSS.highlights].filter(([n]) => n.startsWith(`un-cite-${layer}-`)).map(([, set]) => set);
      const size = () => layerSets().reduce((n, s) => n + s.size, 0);
      // The extension redraws after a scroll within a few frames (intersection report, then a frame): wait until
      // what is drawn stops changing.
      const settle = async () => {
        for (let i = 0; i < 3; i++) await frame();
        for (let i = 0, last = -1; i < 30 && size() !== last; i++) {
          last = size();
          await frame();
          await frame();
        }
      };
      const seen = new Set<Range>();
      const collect = () => {
        for (const set of layerSets()) for (const r of set) seen.add(r as Range);
      };
      collect();
      if (layer === 'mark' || layer === 'traced') {
        const root = document.scrollingElement ?? document.documentElement;
        const [x0, y0] = [scrollX, scrollY];
        for (let y = 0; ; y += 2 * innerHeight) {
          scrollTo(x0, y);
          await settle();
          collect();
          if (y + innerHeight >= root.scrollHeight) break;
        }
        scrollTo(x0, y0);
        await settle();
      }
      const ranges = [...seen].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      if (at !== undefined) {
        const r = ranges[at];
        if (!r) return [];
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        await settle();
        ranges.splice(0, ranges.length, r);
      }
      const now = new Set<AbstractRange>(layerSets().flatMap((s) => [...s]));
      return ranges.map((r) => {
        const rect = r.getClientRects()[0];
        return {
          text: r.toString(),
          box: rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null,
          drawnNow: now.has(r),
        };
      });
    },
    [name, pick] as const,
  );
}

/**
 * The ranges of one of the extension's highlight layers (`mark`: every mention; `traced`, `flash`, `focus`), in
 * page order, read from `CSS.highlights` of a page or a frame; for `mark` and `traced`, every range drawn while
 * the page is scrolled through (see {@link collectDrawn}).
 */
export async function drawn(target: Page | Frame, layer = 'mark'): Promise<DrawnMention[]> {
  return (await collectDrawn(target, layer)).map(({ text, box }) => ({ text, box }));
}

/**
 * Moves the real mouse onto the `index`th mention in page order, as a user would: scrolled into view first, then
 * hovered where it is drawn (it must be drawn there, or the test fails).
 */
export async function hoverMention(page: Page, index: number): Promise<void> {
  const [hit] = await collectDrawn(page, 'mark', index);
  if (!hit?.box) throw new Error(`no drawn mention #${index}`);
  if (!hit.drawnNow) throw new Error(`mention #${index} is not drawn once scrolled into view`);
  const { x, y, width, height } = hit.box;
  await page.mouse.move(x + Math.min(6, width / 2), y + height / 2, { steps: 2 });
}

/** The index (page order) of the `nth` listed mention of `key` (of `kind`, when given). */
export function indexOf(list: ListedMention[], key: string, nth = 0, kind?: string): number {
  const hits = list.filter((m) => m.key === key && (!kind || m.kind === kind));
  const m = hits[nth];
  if (!m) throw new Error(`no mention #${nth} of ${key}${kind ? ` (${kind})` : ''}`);
  return m.index;
}

/**
 * Waits until the content script has scanned the page: the tab's `pageCitations` reply says its scan is idle (the
 * whole document read, what is near the viewport drawn). Nothing in the page's DOM says so: the extension adds no
 * attribute or element for it.
 */
export async function scanned(page: Page, timeoutMs = 20_000, everyMs = 100): Promise<PageScan> {
  const deadline = Date.now() + timeoutMs;
  // Brought to the front once, not at each question (that costs a big page a full style pass each time).
  const tabId = await tabIdOf(page);
  for (;;) {
    const scan = (await askTab(page, tabId)).value?.scan;
    if (scan?.idle && scan.idleAt !== undefined) return scan;
    if (Date.now() > deadline)
      throw new Error(`the page was not scanned within ${timeoutMs} ms (${JSON.stringify(scan)})`);
    await page.waitForTimeout(scan ? everyMs : 50);
  }
}
