/** What the viewer tells the reader about the document as a whole: its state and a message when it cannot show it. */
import { browser, t } from '../shared/browser';
import { passThrough } from '../shared/pdf-redirect';
import { isUnPdfUrl } from '../shared/pdf-url';
import type { LoadFailure } from './load-failure';
import { $, state } from './state';

/** The page's state, for the reader's CSS and for tests (`data-viewer-state`). */
export function setStatus(s: 'loading' | 'ready' | 'error' | 'no-text' | 'refused'): void {
  document.documentElement.dataset.viewerState = s;
}

/**
 * The link to the PDF at its own address. A UN PDF address would be redirected straight back here, so the
 * browser is told to let this one address through (for the session; unlike the toolbar's "Open in the
 * browser's PDF viewer", nothing is remembered for the site).
 */
function originalLink(): HTMLAnchorElement {
  if (isUnPdfUrl(state.file)) void passThrough(state.file).catch(() => {});
  const a = document.createElement('a');
  a.href = state.file;
  a.textContent = t('viewerOpenOriginal');
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/**
 * Shows a message above the pages with its actions (each an element: a link or a button), and the link to
 * the original PDF when `original` is true and there is one.
 */
export function showMessage(
  text: string,
  kind: 'error' | 'info' = 'error',
  options: { original?: boolean; actions?: HTMLElement[] } = {},
): void {
  const box = $('message');
  box.replaceChildren(document.createTextNode(text));
  if (options.original !== false && state.file) box.append(' ', originalLink());
  for (const e of options.actions ?? []) box.append(' ', e);
  box.className = kind;
  box.hidden = false;
}

/**
 * The message for an address the viewer will not fetch by itself (not a UN PDF, and not chosen by the user
 * from a link's menu): what happened, why, and the file at its own address, where the browser opens it.
 */
export function showRefusal(file: string): void {
  showMessage(t('viewerNotUnAddress', new URL(file).host));
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The message for a PDF that could not be opened, with only the actions that can help: nothing but the words
 * for a missing file (the address is wrong; opening it again shows the same error), the original for a
 * file that is not a PDF or needs a password (the browser may show it), "Try again" for a server that did
 * not answer, and the permission button only when the extension may not read that site.
 */
export async function showLoadFailure(failure: LoadFailure, url: string): Promise<void> {
  switch (failure.kind) {
    case 'not-found':
      $('original')?.remove();
      showMessage(t('viewerNotFound', String(failure.status)), 'error', { original: false });
      return;
    case 'http':
      showMessage(t('viewerHttpError', String(failure.status)));
      return;
    case 'not-pdf':
      showMessage(t('viewerNotPdf'));
      return;
    case 'password':
      showMessage(t('viewerPassword'));
      return;
    case 'unreachable': {
      const retry = button(t('viewerRetry'), () => location.reload());
      // No answer, or an answer the browser would not let the extension read (a site without CORS that the
      // extension has no permission for)? An opaque request tells them apart: it succeeds whenever the
      // server answers. Only in the second case can the permission help.
      const answered = await fetch(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store' }).then(
        () => true,
        () => false,
      );
      const grant = answered ? await grantButton(url) : undefined;
      if (grant) showMessage(t('viewerNoAccess', new URL(url).host), 'error', { actions: [grant, retry] });
      else showMessage(t('viewerUnreachable'), 'error', { actions: [retry] });
    }
  }
}

/** A button that asks for the PDF's host permission, when the extension may not read that host yet. */
async function grantButton(url: string): Promise<HTMLElement | undefined> {
  let origin: string;
  try {
    origin = `${new URL(url).origin}/*`;
  } catch {
    return undefined;
  }
  if (!/^https?:/.test(origin) || !browser.permissions) return undefined;
  const has = await browser.permissions.contains({ origins: [origin] }).catch(() => true);
  if (has) return undefined;
  // A click is the gesture the permission request needs.
  return button(t('viewerAllowHost', new URL(url).host), async () => {
    if (await browser.permissions.request({ origins: [origin] }).catch(() => false)) location.reload();
  });
}
