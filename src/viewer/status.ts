/** What the viewer tells the reader about the document as a whole: its state and a message when it cannot show it. */
import { browser } from '../shared/browser';
import { $, state } from './state';

/** The page's state, for the reader's CSS and for tests (`data-viewer-state`). */
export function setStatus(s: 'loading' | 'ready' | 'error' | 'no-text'): void {
  document.documentElement.dataset.viewerState = s;
}

/** Shows a message above the pages, with a link to the original PDF when there is one. */
export function showMessage(text: string, kind: 'error' | 'info' = 'error', extra?: HTMLElement[]): void {
  const box = $('message');
  box.replaceChildren(document.createTextNode(text));
  if (state.file) {
    const a = document.createElement('a');
    a.href = state.file;
    a.textContent = 'Open the original';
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    box.append(' ', a);
  }
  for (const e of extra ?? []) box.append(' ', e);
  box.className = kind;
  box.hidden = false;
}

/** A button that asks for the PDF's host permission, when the extension may not read that host yet. */
export async function grantButton(url: string): Promise<HTMLElement[]> {
  // A UN host the extension may not read yet: the user can grant it here (a click is the required gesture).
  let origin: string;
  try {
    origin = `${new URL(url).origin}/*`;
  } catch {
    return [];
  }
  if (!/^https?:/.test(origin) || !browser.permissions) return [];
  const has = await browser.permissions.contains({ origins: [origin] }).catch(() => true);
  if (has) return [];
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = `Allow reading PDFs from ${new URL(url).host}`;
  b.addEventListener('click', async () => {
    if (await browser.permissions.request({ origins: [origin] }).catch(() => false)) location.reload();
  });
  return [b];
}
