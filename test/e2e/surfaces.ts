/**
 * Checks of a surface as the user sees it, shared by the e2e files that look at the extension's pages (the
 * toolbar popup, the side panel, the options page, the viewer): nothing sticks out sideways, and screenshots
 * in the light and the dark scheme, taken once the page has repainted.
 */
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Harness, waitFor } from './harness';

/** A free TCP port on 127.0.0.1 (for a DevTools endpoint, or an address nobody answers at). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A page's width and what sticks out of it sideways. */
export interface Layout {
  /** The window's inner width. */
  width: number;
  /** The document's scroll width: more than `width` means a horizontal scroll bar. */
  scrollWidth: number;
  /** Every visible element (in open shadow roots too) that sticks out of the window, as `tag.class [left, right]`. */
  clipped: string[];
}

/**
 * Measures `page`: every visible element, in open shadow roots too, that reaches past the window's left or
 * right edge. Visually hidden labels (`.visually-hidden`, `.sr-only`) are left out.
 */
export function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden, .sr-only')) continue;
        if (r.left < -0.5 || r.right > width + 0.5)
          clipped.push(
            `${el.tagName.toLowerCase()}.${el.className} [${Math.round(r.left)}, ${Math.round(r.right)}]`,
          );
      }
    };
    visit(document);
    return { width, scrollWidth: document.documentElement.scrollWidth, clipped };
  });
}

/** Asserts that nothing in `l` is clipped sideways (and the window is at least `minWidth` wide). */
export function expectUnclipped(l: Layout, when: string, minWidth = 0): void {
  expect(l.width, `width ${when}`).toBeGreaterThanOrEqual(minWidth);
  expect(l.scrollWidth, `horizontal overflow ${when}`).toBeLessThanOrEqual(l.width);
  expect(l.clipped, `elements outside the window ${when}`).toEqual([]);
}

/** Waits two animation frames, so what follows sees the page repainted (after a change of colour scheme). */
export function twoFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** The background colour the page paints (the root's, else the body's). */
function background(page: Page): Promise<string> {
  return page.evaluate(() => {
    const transparent = (c: string) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent';
    const root = getComputedStyle(document.documentElement).backgroundColor;
    return transparent(root) ? getComputedStyle(document.body).backgroundColor : root;
  });
}

/**
 * Screenshots `page` in the light and the dark scheme (`<name>-light.png`, `<name>-dark.png` in
 * test-results/screenshots/), each after two frames, and asserts the page follows the scheme: its background
 * is `expected[scheme]` when given, and differs between the two in any case. Returns the files.
 */
export async function shoot(
  h: Harness,
  page: Page,
  name: string,
  options: { expected?: { light: string; dark: string }; fullPage?: boolean } = {},
): Promise<string[]> {
  const files: string[] = [];
  const seen: Record<string, string> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await twoFrames(page);
    seen[scheme] = await background(page);
    if (options.expected)
      expect(seen[scheme], `${name}: ${scheme} background`).toBe(options.expected[scheme]);
    files.push(await h.screenshot(page, `${name}-${scheme}`, { fullPage: options.fullPage ?? false }));
  }
  expect(seen.dark, `${name}: the dark scheme changes the background`).not.toBe(seen.light);
  await page.emulateMedia({ colorScheme: null });
  return files;
}

/**
 * Types a query into the popup's search field (replacing what is there) and waits for its answer: the box marks
 * which query its list answers, so an older answer never counts. Returns the keys of the results.
 */
export async function searchPopup(popup: Page, query: string): Promise<string[]> {
  const input = popup.getByRole('combobox').first();
  await input.focus();
  await popup.keyboard.press('Control+A');
  await popup.keyboard.press('Backspace');
  await input.pressSequentially(query);
  await waitFor(
    () =>
      popup
        .locator('#search')
        .evaluate((e, q) => e.dataset.query === q && e.dataset.state !== 'searching', query),
    15_000,
    `the answer to "${query}"`,
  );
  return popup
    .locator('[role="option"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key ?? ''));
}
