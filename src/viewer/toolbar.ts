/**
 * The viewer's toolbar and keyboard shortcuts: page navigation, zoom, find, "Trace this document", and the way
 * out to the browser's own PDF viewer.
 */

import { browser, t } from '../shared/browser';
import { sendToWorker } from '../shared/messaging';
import { localize } from '../shared/page-env';
import { applyPdfRedirect, passThrough } from '../shared/pdf-redirect';
import { isUnPdfUrl } from '../shared/pdf-url';
import { loadSettings, saveSettings } from '../shared/settings';
import { runFind } from './find-in-page';
import { applyZoom, currentPage, goToPage, MAX_SCALE, MIN_SCALE, percent, ZOOM_STEPS } from './pages';
import { $, state } from './state';

/**
 * Puts the page in the reader's language: labels from the locale files, each button's tooltip its name and
 * shortcut, the zoom box's choices as localized percentages.
 */
export function localizeToolbar(): void {
  localize(document);
  for (const b of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const name = b.getAttribute('aria-label') ?? '';
    if (b instanceof HTMLButtonElement)
      b.title = b.dataset.shortcut ? `${name} (${b.dataset.shortcut})` : name;
  }
  ($('find') as HTMLInputElement).placeholder = t('viewerFind');
  const select = $('zoom') as HTMLSelectElement;
  const width = new Option(t('viewerPageWidth'), 'page-width');
  width.dataset.label = t('viewerPageWidth');
  select.replaceChildren(width, ...ZOOM_STEPS.map((z) => new Option(percent(z), String(z))));
  select.value = state.zoom;
}

/**
 * Enables the controls a document needs (`.needs-doc`: pages and zoom) and those that need its text
 * (`.needs-text`: find), and shows "Trace citation" only for a document that says which it is.
 */
export function enableControls(what: { doc: boolean; text: boolean }): void {
  for (const c of document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
    '.needs-doc',
  ))
    c.disabled = !what.doc;
  for (const c of document.querySelectorAll<HTMLButtonElement | HTMLInputElement>('.needs-text'))
    c.disabled = !what.text;
  $('identity').hidden = !(what.doc && state.identity.key);
}

/** Wires the toolbar's controls and the page's shortcuts. */
export function wireToolbar(): void {
  $('prev-page').addEventListener('click', () => goToPage(currentPage() - 1));
  $('next-page').addEventListener('click', () => goToPage(currentPage() + 1));
  $('page-number').addEventListener('change', (e) =>
    goToPage(Number((e.target as HTMLInputElement).value) - 1),
  );
  // Enter jumps to the top of the page even when the number did not change (no change event then).
  $('page-number').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') goToPage(Number((e.target as HTMLInputElement).value) - 1);
  });
  $('zoom').addEventListener('change', (e) => void applyZoom((e.target as HTMLSelectElement).value));
  const stepZoom = (dir: 1 | -1) => {
    if (!state.doc) return; // the shortcuts work before a document is open (or when none could be)
    const next =
      dir === 1
        ? (ZOOM_STEPS.find((z) => z > state.scale + 0.01) ?? MAX_SCALE)
        : ([...ZOOM_STEPS].reverse().find((z) => z < state.scale - 0.01) ?? MIN_SCALE);
    void applyZoom(String(next));
  };
  $('zoom-in').addEventListener('click', () => stepZoom(1));
  $('zoom-out').addEventListener('click', () => stepZoom(-1));
  $('find-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runFind(($('find') as HTMLInputElement).value, 1);
  });
  $('find-prev').addEventListener('click', () => void runFind(($('find') as HTMLInputElement).value, -1));
  $('find').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      void runFind(($('find') as HTMLInputElement).value, -1);
    } else if (e.key === 'Escape') {
      ($('find') as HTMLInputElement).value = '';
      void runFind('', 1);
    }
  });
  $('trace-doc').addEventListener('click', () => {
    // Only shown for a document with an identity (enableControls); the check stays for a stale click.
    if (state.identity.key) void sendToWorker('openTrace', { key: state.identity.key });
  });
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      ($('find') as HTMLInputElement).select();
    } else if (mod && (e.key === '=' || e.key === '+')) {
      e.preventDefault();
      stepZoom(1);
    } else if (mod && e.key === '-') {
      e.preventDefault();
      stepZoom(-1);
    } else if (e.altKey && e.key === 'PageDown') {
      e.preventDefault();
      goToPage(currentPage() + 1);
    } else if (e.altKey && e.key === 'PageUp') {
      e.preventDefault();
      goToPage(currentPage() - 1);
    }
  });
  let ticking = false;
  document.addEventListener(
    'scroll',
    () => {
      if (ticking) return;
      ticking = true;
      requestAnimationFrame(() => {
        ticking = false;
        const input = $('page-number') as HTMLInputElement;
        if (document.activeElement !== input) input.value = String(currentPage() + 1);
      });
    },
    { passive: true },
  );
}

/**
 * "Open in the browser's PDF viewer": the way out, at the end of the toolbar. A plain click remembers the
 * choice for the PDF's site (`browserPdfSites`, listed on the options page, where it can be undone), takes
 * that site out of the redirect rules before leaving, so the browser does not send the tab straight back, and
 * replaces the viewer with the file at its own address (Back returns to the page before).
 *
 * A new tab or window (Ctrl/Cmd-click, middle click, Shift-click, or the link's context menu) remembers
 * nothing for the site, but the redirect would bring that tab straight back here too: this one address is
 * let through for the session first ({@link passThrough}), and the tab or window is then opened here, where
 * the wait for the rule cannot lose the race with the browser's own opening.
 */
export function showWayOut(file: string): void {
  const a = document.createElement('a');
  a.id = 'original';
  a.href = file;
  a.textContent = t('viewerOpenInBrowser');
  const redirected = isUnPdfUrl(file);
  const host = new URL(file).hostname;
  if (redirected) a.title = t('viewerOpenInBrowserTitle', host);
  a.addEventListener('click', (e) => {
    if (!e.isTrusted || e.button !== 0 || e.altKey) return;
    if (e.ctrlKey || e.metaKey || e.shiftKey) {
      if (!redirected) return; // the browser opens it, and nothing sends it back
      e.preventDefault();
      void openElsewhere(file, e.shiftKey && !(e.ctrlKey || e.metaKey) ? 'window' : 'tab', e.shiftKey);
      return;
    }
    e.preventDefault();
    void (async () => {
      if (redirected) {
        const area = browser.storage.sync;
        const sites = (await loadSettings(area)).browserPdfSites;
        const next = await saveSettings(area, { browserPdfSites: [...new Set([...sites, host])] });
        // Should the rules not update, this one address still goes through (and the choice is saved).
        await applyPdfRedirect(next).catch(() => passThrough(file));
      }
      location.replace(file);
    })();
  });
  a.addEventListener('auxclick', (e) => {
    if (!e.isTrusted || e.button !== 1 || !redirected) return;
    e.preventDefault();
    void openElsewhere(file, 'tab', e.shiftKey);
  });
  // The context menu's "Open link in new tab/window" opens with no event here: let the address through as
  // the menu opens, before the reader can choose.
  a.addEventListener('contextmenu', (e) => {
    if (e.isTrusted && redirected) void passThrough(file).catch(() => {});
  });
  $('original-slot').replaceWith(a);
}

/**
 * Opens `file` in a new tab (next to this one; in front when `front`) or a new window, once the redirect lets
 * this one address through. Should the rule not be added, the tab opens anyway (and may show the viewer).
 */
async function openElsewhere(file: string, where: 'tab' | 'window', front: boolean): Promise<void> {
  await passThrough(file).catch(() => {});
  if (where === 'window') {
    await browser.windows.create({ url: file });
    return;
  }
  const current = await browser.tabs.getCurrent();
  await browser.tabs.create({
    url: file,
    active: front,
    ...(current?.index !== undefined ? { index: current.index + 1 } : {}),
    ...(current?.id !== undefined ? { openerTabId: current.id } : {}),
  });
}
