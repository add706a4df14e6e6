/**
 * "Off for this site" on a web page's hover card, as the reader meets it: one click switches the whole site
 * off and every mark goes, so the page says what happened and offers Undo, which switches the site back on
 * and brings the marks back. (The popup's side of it, "Citations are off on … · Turn on", is in
 * popup.test.ts; the viewer's "off for this document" in viewer.test.ts.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CARD, CARD_HOST, shadowClick, shadowWait } from './closed-shadow';
import { type Harness, launchExtension, waitFor } from './harness';
import { drawn, hoverMention, indexOf, pageCitations, scanned } from './page-mentions';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launchExtension();
  page = await h.newPage(h.unUrl('pages/seed-a-res-77-176.html'));
  await scanned(page, 15_000);
});

afterAll(async () => {
  await h?.close();
});

// Skipped until src/content/lens.ts `turnSiteOff` calls `showUndoToast` (src/card/render.ts); src/content is
// being rewritten on another branch, so the lead wires it at the merge (passes with that wiring) and removes
// the skip.
test('the card\'s "Off for this site" leaves a notice whose Undo turns the site back on', async () => {
  // Marks are highlights (no element in the page) and the card's shadow root is closed: see page-mentions.ts
  // and closed-shadow.ts.
  const marks = (await drawn(page)).length;
  expect(marks).toBeGreaterThan(20);
  await hoverMention(page, indexOf(await pageCitations(h, page), 'A/RES/73/195', 0, 'resolution'));
  await shadowWait(page, CARD_HOST, `${CARD}[role="dialog"]`, 10_000);
  await shadowClick(page, CARD_HOST, `${CARD} button.site-off`);
  await waitFor(async () => (await drawn(page)).length === 0, 5000, 'the marks to go');

  const toast = page.locator('un-cite-toast .toast');
  await toast.waitFor({ timeout: 5000 });
  expect(await toast.getAttribute('role')).toBe('status');
  expect(await toast.locator('.toast-text').textContent()).toBe('Citations are off on www.un.org.');
  const stored = await (await h.worker()).evaluate(
    async () =>
      ((await chrome.storage.sync.get('settings')).settings as { disabledSites: string[] }).disabledSites,
  );
  expect(stored).toContain('www.un.org');
  await h.screenshot(page, 'site-off-toast');

  // Undo has the focus, so a keyboard reader undoes with Enter.
  await page.keyboard.press('Enter');
  await waitFor(async () => (await drawn(page)).length === marks, 10_000, 'every mark to come back');
  expect(await page.locator('un-cite-toast').count()).toBe(0);
  const after = await (await h.worker()).evaluate(
    async () =>
      ((await chrome.storage.sync.get('settings')).settings as { disabledSites: string[] }).disabledSites,
  );
  expect(after).not.toContain('www.un.org');
  h.expectNoErrors();
});
