/**
 * How the e2e tests open the viewer the ways a user does: a navigation to a UN PDF address (the browser's
 * redirect takes the tab to the viewer), or "Open with citations" on a link (the user chose the file, so it
 * may be anywhere). Typing the viewer's own address with a non-UN file is refused (viewer-open.test.ts).
 */
import type { Page } from 'playwright-core';
import { type Harness, waitFor } from './harness';

/** The host UN PDFs are served at in the tests (documents.un.org, where the UN publishes them). */
export const PDF_HOST = 'documents.un.org';

/** The UN address of a fixture PDF (answered from the fixture server by the harness's routing). */
export function unPdfUrl(h: Harness, path: string): string {
  return h.unUrl(path, PDF_HOST);
}

/**
 * Opens `file` as the user's right-click "Open with citations" on a link to it does (the worker's own menu
 * listener, which the menu calls), and returns the viewer's tab.
 */
export async function openChosen(h: Harness, file: string): Promise<Page> {
  const opened = h.context.waitForEvent('page', { timeout: 20_000 });
  await (await h.worker()).evaluate(
    (linkUrl) =>
      (
        globalThis as unknown as { __unCitationLens: { onViewerMenuClick: (i: unknown) => unknown } }
      ).__unCitationLens.onViewerMenuClick({
        menuItemId: 'open-pdf-with-citations',
        linkUrl,
        editable: false,
      }),
    file,
  );
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** The viewer's state once it has settled (`ready`, `no-text`, `error` or `refused`: anything but `loading`). */
export function settled(page: Page, timeoutMs = 30_000): Promise<string> {
  return waitFor(
    () =>
      page.evaluate(() => {
        const s = document.documentElement.dataset.viewerState;
        return s && s !== 'loading' ? s : '';
      }),
    timeoutMs,
    'the viewer to settle',
  );
}
