/**
 * Opening a PDF in the extension's viewer, for the worker: the "Open with citations" menu item on PDF links,
 * the `openViewer` message (the landing-page button of src/content/open-with-citations.ts), and the URL rules
 * they share. The rules are pure; `openViewer`/`registerViewerMenu`/`onViewerMenuClick` use the browser seam.
 */
import { browser, type Menus, type Tabs } from '../shared/browser';
import { rememberChosenFile } from '../shared/pdf-redirect';
import { PDF_LINK_PATTERNS, pdfUrlFor, viewerUrl } from '../shared/pdf-url';

export { isUnPdfUrl, PDF_LINK_PATTERNS, pdfUrlFor, VIEWER_PATH, viewerUrl } from '../shared/pdf-url';

/** Context-menu item id of "Open with citations". */
export const VIEWER_MENU_ID = 'open-pdf-with-citations';

/** Opens the viewer for `file`: in `tabId` (replacing its page) or in a new tab after `openerTab`. */
export async function openViewer(
  file: string,
  where: { tabId?: number; openerTab?: { id?: number; index?: number } } = {},
): Promise<{ tabId?: number }> {
  const url = viewerUrl(file, browser.runtime.getURL(''));
  if (where.tabId !== undefined) {
    const tab = await browser.tabs.update(where.tabId, { url });
    return { tabId: tab.id };
  }
  const opener = where.openerTab;
  const tab = await browser.tabs.create({
    url,
    ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
    ...(opener?.id !== undefined ? { openerTabId: opener.id } : {}),
  });
  return { tabId: tab.id };
}

/**
 * Creates the "Open with citations" item on PDF links. Call it after anything that runs
 * `contextMenus.removeAll()` (the trace menu's registration does), on install and on startup.
 */
export function registerViewerMenu(title = 'Open with citations'): void {
  browser.contextMenus.create({
    id: VIEWER_MENU_ID,
    title,
    contexts: ['link'],
    targetUrlPatterns: [...PDF_LINK_PATTERNS],
  });
}

/**
 * The `contextMenus.onClicked` listener for the item (ignores other items). The user chose this file, so the
 * viewer may fetch it wherever it is (it fetches only UN addresses otherwise): recorded before the tab opens.
 */
export function onViewerMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<unknown> | undefined {
  if (info.menuItemId !== VIEWER_MENU_ID || !info.linkUrl) return undefined;
  const file = pdfUrlFor(info.linkUrl);
  return rememberChosenFile(file)
    .catch(() => {})
    .then(() => openViewer(file, tab ? { openerTab: tab } : {}));
}
