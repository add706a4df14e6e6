/**
 * What a test reads of the citations on a web page: the tab's `pageCitations` answer (the public contract), and
 * what is drawn — the ranges of the extension's highlights in `CSS.highlights`, which the page's own world sees
 * too (the registry belongs to the document). No element of the page says anything: there are no marks to query.
 */
import type { Frame, Page } from 'playwright-core';
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
export async function pageCitationsReply(
  h: Harness,
  page: Page,
): Promise<{ ok: boolean; value?: { mentions: ListedMention[]; scan?: PageScan }; error?: unknown }> {
  const tabId = await h.activeTabId(page);
  const w = await h.worker();
  return (await w.evaluate(
    ([c, id]) =>
      chrome.tabs.sendMessage(id, { channel: c, type: 'pageCitations', payload: {} }, { frameId: 0 }),
    [CHANNEL, tabId] as const,
  )) as { ok: boolean; value?: { mentions: ListedMention[]; scan?: PageScan }; error?: unknown };
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
 * The ranges of one of the extension's highlight layers (`mark`: every mention; `traced`, `flash`, `focus`), in
 * page order, read from `CSS.highlights` of a page or a frame.
 */
export async function drawn(target: Page | Frame, layer = 'mark'): Promise<DrawnMention[]> {
  return target.evaluate((name) => {
    const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
    const ranges: Range[] = [];
    for (const [n, set] of view.CSS.highlights) {
      if (n.startsWith(`un-cite-${name}-`)) for (const r of set) ranges.push(r as Range);
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => {
      const rect = r.getClientRects()[0];
      return {
        text: r.toString(),
        box: rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null,
      };
    });
  }, layer);
}

/** Moves the real mouse onto the `index`th drawn mention (scrolling it into view first). */
export async function hoverMention(page: Page, index: number): Promise<void> {
  const box = await page.evaluate((i) => {
    const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
    const ranges: Range[] = [];
    for (const [n, set] of view.CSS.highlights)
      if (n.startsWith('un-cite-mark-')) for (const r of set) ranges.push(r as Range);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const r = ranges[i];
    if (!r) return null;
    r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0];
    return rect ? { x: rect.x + Math.min(6, rect.width / 2), y: rect.y + rect.height / 2 } : null;
  }, index);
  if (!box) throw new Error(`no drawn mention #${index}`);
  await page.mouse.move(box.x, box.y, { steps: 2 });
}

/** The index (page order) of the `nth` listed mention of `key` (of `kind`, when given). */
export function indexOf(list: ListedMention[], key: string, nth = 0, kind?: string): number {
  const hits = list.filter((m) => m.key === key && (!kind || m.kind === kind));
  const m = hits[nth];
  if (!m) throw new Error(`no mention #${nth} of ${key}${kind ? ` (${kind})` : ''}`);
  return m.index;
}

/** Waits until the content script has scanned the page (its marker on `<html>` says idle). */
export async function scanned(page: Page, timeoutMs = 20_000): Promise<void> {
  await page.waitForSelector('html[data-un-citation-lens="idle"]', { timeout: timeoutMs });
}
