/**
 * The hover card in real Chromium: Page-Previews timing (dwell, grace), the card's content from the worker's
 * index, next/previous occurrence, copy, keyboard and Escape, RTL on an Arabic page, and "Off for this site".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GRACE_MS } from '../../src/page-ui/hover-state';
import {
  CARD,
  CARD_HOST,
  shadowClick,
  shadowEval,
  shadowGone,
  shadowHover,
  shadowQuery,
  shadowWait,
} from './closed-shadow';
import { type Harness, launchExtension, waitFor } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.un.org' });
});

afterAll(async () => {
  await h?.close();
});

async function openScanned(name: string): Promise<Page> {
  const page = await h.newPage(h.unUrl(`pages/${name}`));
  await page.waitForSelector('html[data-un-citation-lens="idle"]', { timeout: 20_000 });
  return page;
}

/** The nth mark of a key; by default its resolution mark (the Global Compact's title is an instrument mark). */
const head = (key: string, nth = 0, kind: string | null = 'resolution') =>
  `[data-un-head][data-un-key="${key}"]${kind ? `[data-un-kind="${kind}"]` : ''} >> nth=${nth}`;

/** The open card (its shadow root is closed: read through the DevTools protocol, see closed-shadow.ts). */
const card = (page: Page, sel = '') => shadowQuery(page, CARD_HOST, `${CARD}${sel ? ` ${sel}` : ''}`);
const cardText = async (page: Page, sel: string) => (await card(page, sel))?.text ?? null;
const cardOpen = (page: Page, timeoutMs = 5000) => shadowWait(page, CARD_HOST, CARD, timeoutMs);
const cardClosed = (page: Page, timeoutMs = 2000) => shadowGone(page, CARD_HOST, CARD, timeoutMs);

describe('hover card on the seed resolution', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openScanned('seed-a-res-77-176.html');
  });
  afterAll(async () => {
    await page.close();
  });

  test('a pointer that only crosses a citation opens nothing', async () => {
    const box = (await page.locator(head('A/RES/73/195')).boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 200, box.y + 200, { steps: 2 });
    await page.waitForTimeout(500);
    expect(await card(page)).toBeNull();
  });

  test('dwelling opens the card with what the index knows, then it closes after the grace period', async () => {
    const mark = page.locator(head('A/RES/73/195'));
    await mark.hover();
    await cardOpen(page);
    await waitFor(
      async () => (await card(page))?.attrs['data-status'] !== 'loading',
      5000,
      'lookup answered',
    );
    expect(await cardText(page, '.heading')).toBe('General Assembly resolution 73/195');
    expect((await card(page))?.attrs.role).toBe('dialog');
    const text = await cardText(page, '');
    expect(text).toContain('73rd session (2018–2019)');
    const hrefs =
      (await shadowEval<string[]>(
        page,
        CARD_HOST,
        `function () { return [...this.querySelectorAll('${CARD} a')].map((a) => a.href); }`,
      )) ?? [];
    expect(hrefs.some((u) => /^https:\/\/undocs\.org\/[a-z]{2}\/A\/RES\/73\/195$/.test(u))).toBe(true);
    expect(await mark.getAttribute('aria-expanded')).toBe('true');
    // Leave to empty space: the card stays for the grace period, then closes. The clock starts in the
    // page before the mouse leaves, so a slow machine can only make the measured time longer.
    // The page cannot see into the card's closed root, but it sees the card's host take and give back space.
    const closedAfter = page.evaluate(async () => {
      const t0 = performance.now();
      const host = [...document.documentElement.children].find((e) => e.localName.startsWith('un-cite-card'));
      const open = () => (host?.getBoundingClientRect().height ?? 0) > 0;
      while (open()) {
        if (performance.now() - t0 > 5000) return -1;
        await new Promise((r) => setTimeout(r, 10));
      }
      return performance.now() - t0;
    });
    await page.mouse.move(5, 5);
    const ms = await closedAfter;
    expect(ms, 'the card closes after leaving').toBeGreaterThan(0);
    expect(ms, 'the card waits for the 300 ms grace period').toBeGreaterThanOrEqual(GRACE_MS);
  });

  test('moving into the card keeps it open; copy gives the UN style', async () => {
    await page.locator(head('A/RES/73/195')).hover();
    await cardOpen(page);
    await shadowHover(page, CARD_HOST, `${CARD} .heading`);
    await page.waitForTimeout(500);
    expect(await card(page)).not.toBeNull();
    await shadowClick(page, CARD_HOST, `${CARD} button.copy-un`);
    await waitFor(async () => /Copied/.test((await cardText(page, '.copied')) ?? ''), 3000, 'copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toMatch(/^General Assembly resolution 73\/195( of \d{1,2} \w+ \d{4})?/);
    await page.keyboard.press('Escape');
    await cardClosed(page);
  });

  test('a key cited several times: the card counts them and steps to the next one', async () => {
    const counts = await page.$$eval('[data-un-head]', (hs) => {
      const c: Record<string, number> = {};
      for (const h of hs)
        c[(h as HTMLElement).dataset.unKey!] = (c[(h as HTMLElement).dataset.unKey!] ?? 0) + 1;
      return c;
    });
    const [key, n] = Object.entries(counts).find(([, v]) => v > 1)!;
    await page.locator(head(key, 0, null)).hover();
    await cardOpen(page);
    expect(await cardText(page, '.occ-count')).toBe(`Cited ${n} times on this page`);
    expect(await cardText(page, '.occ-pos')).toBe(`1 of ${n}`);
    await shadowClick(page, CARD_HOST, `${CARD} button.next`);
    await waitFor(async () => (await cardText(page, '.occ-pos')) === `2 of ${n}`, 3000, 'next');
    expect(await page.locator(head(key, 1, null)).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
  });

  test('a big page marked lazily: the card counts the citations not marked yet, and next marks one', async () => {
    // Over LAZY_MIN_ELEMENTS elements: marks go in only near the viewport; the second citation is far below.
    const cite = 'General Assembly resolution 73/195 of 19 December 2018';
    const filler = 'The Assembly notes the work done in the year and the progress of the programme';
    const paragraphs = [`<p>Recalling ${cite},</p>`];
    for (let i = 0; i < 4500; i++) paragraphs.push(`<p>${filler}, part ${i}.</p>`);
    paragraphs.push(`<p>Recalling also ${cite},</p>`);
    h.server.add(
      'pages/big-lazy.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big</title></head><body>${paragraphs.join('\n')}</body></html>`,
    );
    const big = await openScanned('big-lazy.html');
    expect(await big.locator('[data-un-head][data-un-key="A/RES/73/195"]').count()).toBe(1);
    await big.locator(head('A/RES/73/195')).hover();
    await cardOpen(big);
    expect(await cardText(big, '.occ-count')).toBe('Cited 2 times on this page');
    expect(await cardText(big, '.occ-pos')).toBe('1 of 2');
    await shadowClick(big, CARD_HOST, `${CARD} button.next`);
    await waitFor(async () => (await cardText(big, '.occ-pos')) === '2 of 2', 3000, 'next');
    expect(await big.locator(head('A/RES/73/195', 1)).getAttribute('aria-expanded')).toBe('true');
    await big.close();
  });

  test('keyboard: Tab to a citation opens its card, Escape closes it and keeps focus', async () => {
    await page.mouse.move(1, 1);
    const first = page.locator('[data-un-head][tabindex="0"]').first();
    await first.focus();
    await cardOpen(page);
    await page.keyboard.press('Escape');
    await cardClosed(page);
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    // Enter opens at once (no dwell) and moves focus into the card.
    await page.keyboard.press('Enter');
    await cardOpen(page, 3000);
    expect(await page.evaluate(() => document.activeElement?.localName)).toMatch(/^un-cite-card-/);
    await page.keyboard.press('Escape');
    await cardClosed(page);
  });

  test('a citation inside a page link: the link still navigates and holds the mark', async () => {
    const link = page.locator('a[href="https://undocs.org/en/A/RES/58/208"]');
    // The mark is inside the link ("58/208") or holds it ("resolutions <a>58/208</a>"); never a link in a link.
    const inside = await link.locator('[data-un-id]').count();
    const around = await link.evaluate((a) => (a.closest('[data-un-id]') ? 1 : 0));
    expect(inside + around).toBe(1);
    // Focusing the link opens the citation's card.
    await link.focus();
    await cardOpen(page);
    expect(await cardText(page, '.heading')).toContain('58/208');
    await page.keyboard.press('Escape');
    expect(await link.getAttribute('href')).toBe('https://undocs.org/en/A/RES/58/208');
  });
});

test('Arabic page: the card is laid out right to left', async () => {
  const page = await openScanned('ar-a-res-77-255.html');
  const mark = page.locator('[data-un-head]').first();
  await mark.hover();
  expect((await cardOpen(page)).attrs.dir).toBe('rtl');
  await page.close();
});

test('Off for this site: marks go, the setting is stored, a reload leaves the page alone', async () => {
  const page = await h.newPage(h.unUrl('pages/dev-115-sc-res-2223-2015-en.html', 'news.un.org'));
  await page.waitForSelector('html[data-un-citation-lens="idle"]', { timeout: 20_000 });
  const textBefore = await page.evaluate(() => document.body.textContent);
  await page.locator('[data-un-head]').first().hover();
  await cardOpen(page);
  await shadowClick(page, CARD_HOST, `${CARD} button.site-off`);
  await waitFor(async () => (await page.locator('[data-un-id]').count()) === 0, 3000, 'marks removed');
  expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await page.locator('[data-un-id]').count()).toBe(0);
  // Other UN sites stay on.
  const other = await openScanned('dev-115-sc-res-2223-2015-en.html');
  expect(await other.locator('[data-un-id]').count()).toBeGreaterThan(0);
  await other.close();
  await page.close();
});

test('no errors from any context', () => {
  h.expectNoErrors();
});
