/**
 * The options page in real Chromium: it shows the stored settings, saves each change at once to
 * `storage.sync`, and a UN site switched off there is left alone by the content script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, launchExtension, waitFor } from './harness';
import { drawn, pageCitationsReply } from './page-mentions';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launchExtension();
  page = await h.newPage(h.extUrl('src/options/index.html'));
  await page.waitForSelector('#un-sites li');
});

afterAll(async () => {
  await h?.close();
});

async function stored(): Promise<Record<string, unknown>> {
  const w = await h.worker();
  return (await w.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? {})) as Record<
    string,
    unknown
  >;
}

test('UN sites are listed and on by default; one click turns one off', async () => {
  const boxes = page.locator('#un-sites input[type="checkbox"]');
  expect(await boxes.count()).toBeGreaterThanOrEqual(10);
  expect(await boxes.evaluateAll((bs) => bs.every((b) => (b as HTMLInputElement).checked))).toBe(true);
  await page.locator('input[id="site-news.un.org"]').click();
  await waitFor(
    async () => ((await stored()).disabledSites as string[] | undefined)?.includes('news.un.org'),
    10_000,
  );
  // The content script follows: a page on that site is not marked, another UN site is.
  const off = await h.newPage(h.unUrl('pages/dev-111-sc-res-2259-2015-en.html', 'news.un.org'));
  await off.waitForTimeout(1500);
  expect(await drawn(off)).toEqual([]);
  // Not started at all: the tab answers that no document of it is being scanned (nothing found, nothing drawn).
  expect((await pageCitationsReply(h, off)).value?.scan?.slices ?? 0).toBe(0);
  await off.close();
  await page.locator('input[id="site-news.un.org"]').click();
  await waitFor(async () => ((await stored()).disabledSites as string[]).length === 0, 10_000);
});

test('link language, hover delay and kinds are saved', async () => {
  await page.selectOption('#link-lang', 'fr');
  await page.fill('#hover-delay', '400');
  await page.locator('#hover-delay').dispatchEvent('change');
  await page.locator('#kind-treaty').click();
  // On by default (UN PDFs open in the viewer): the click turns it off.
  await page.locator('#open-pdfs').click();
  await waitFor(async () => {
    const s = await stored();
    const kinds = s.kinds as Record<string, boolean>;
    return (
      s.linkLang === 'fr' && s.hoverDelayMs === 400 && kinds.treaty === false && s.openPdfsInViewer === false
    );
  }, 10_000);
  // Reopened, the page shows what is stored.
  await page.reload();
  await page.waitForSelector('#un-sites li');
  expect(await page.inputValue('#link-lang')).toBe('fr');
  expect(await page.inputValue('#hover-delay')).toBe('400');
  expect(await page.locator('#kind-treaty').isChecked()).toBe(false);
  expect(await page.locator('#open-pdfs').isChecked()).toBe(false);
});

test('a bad site address is refused without asking for a permission', async () => {
  await page.fill('#add-site-input', 'not a host');
  await page.click('#add-site button[type="submit"]');
  expect(await page.textContent('#add-site-status')).toMatch(/site address/);
});

test('About credits the United Nations as the data source', async () => {
  const about = await page.locator('section[aria-labelledby="about-heading"]').textContent();
  expect(about).toMatch(/United Nations/);
  expect(about).toMatch(/Digital Library/);
});

test('no errors from any context', () => {
  h.expectNoErrors();
});
