/**
 * The hover card in real Chromium: Page-Previews timing (dwell, grace), the card's content from the worker's
 * index (facts of data/ that neither the key nor the page gives, so these fail without the index),
 * next/previous occurrence, copy, keyboard and Escape, RTL on an Arabic page, and "Off for this site".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GRACE_MS } from '../../src/page-ui/hover-state';
import { localeMessages } from '../unit/i18n-locale';
import {
  CARD,
  CARD_HOST,
  shadowCall,
  shadowCardFacts,
  shadowClick,
  shadowEval,
  shadowGone,
  shadowHover,
  shadowQuery,
  shadowWait,
} from './closed-shadow';
import { type Harness, launchExtension, waitFor } from './harness';
import { DISASTER_76_204, GLOBAL_COMPACT, MIGRATION_58_208 } from './index-facts';
import { drawn, hoverMention, indexOf, pageCitations, scanned } from './page-mentions';

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
  await scanned(page);
  return page;
}

/**
 * Moves the mouse onto the nth mention of a key; by default its resolution mention (the Global Compact's title is
 * an instrument mention). Mentions are highlights: found through the tab's list and their drawn ranges.
 */
async function hoverKey(
  page: Page,
  key: string,
  nth = 0,
  kind: string | undefined = 'resolution',
): Promise<void> {
  await hoverMention(page, indexOf(await pageCitations(h, page), key, nth, kind));
}

/** The first line box of the nth mention of a key. */
async function boxOf(page: Page, key: string, nth = 0, kind = 'resolution') {
  const i = indexOf(await pageCitations(h, page), key, nth, kind);
  return (await drawn(page))[i]!.box!;
}

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
    const box = await boxOf(page, 'A/RES/73/195');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width + 200, box.y + 200, { steps: 2 });
    await page.waitForTimeout(500);
    expect(await card(page)).toBeNull();
  });

  test('dwelling opens the card with what the index knows, then it closes after the grace period', async () => {
    await hoverKey(page, 'A/RES/73/195');
    await cardOpen(page);
    await waitFor(
      async () => (await card(page))?.attrs['data-status'] !== 'loading',
      5000,
      'lookup answered',
    );
    expect(await cardText(page, '.heading')).toBe('General Assembly resolution 73/195');
    expect((await card(page))?.attrs.role).toBe('dialog');
    // From the index: the title, the date of adoption (not "as cited"), the vote and the meeting of data/.
    expect((await card(page))?.attrs['data-status']).toBe('known');
    expect(await cardText(page, '.title')).toBe(GLOBAL_COMPACT.title);
    expect(await shadowCardFacts(page)).toMatchObject({
      Date: GLOBAL_COMPACT.date,
      Session: '73rd session (2018–2019)',
      Adoption: GLOBAL_COMPACT.adoption,
    });
    const hrefs =
      (await shadowEval<string[]>(
        page,
        CARD_HOST,
        `function () { return [...this.querySelectorAll('${CARD} a')].map((a) => a.href); }`,
      )) ?? [];
    expect(hrefs.some((u) => /^https:\/\/undocs\.org\/[a-z]{2}\/A\/RES\/73\/195$/.test(u))).toBe(true);
    // The meeting of data/ is a link to its record.
    expect(hrefs).toContain(`https://undocs.org/en/${GLOBAL_COMPACT.meeting}`);
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
    await hoverKey(page, 'A/RES/73/195');
    await cardOpen(page);
    await shadowHover(page, CARD_HOST, `${CARD} .heading`);
    await page.waitForTimeout(500);
    expect(await card(page)).not.toBeNull();
    await shadowClick(page, CARD_HOST, `${CARD} button.copy-un`);
    await waitFor(async () => /Copied/.test((await cardText(page, '.copied')) ?? ''), 3000, 'copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    // The title in the citation comes from the index (the date alone could come from the page's own words).
    expect(clip).toBe(
      `General Assembly resolution 73/195 of ${GLOBAL_COMPACT.date}, entitled “${GLOBAL_COMPACT.title}”`,
    );
    await page.keyboard.press('Escape');
    await cardClosed(page);
  });

  test('a key cited several times: the card counts them and steps to the next one', async () => {
    const counts: Record<string, number> = {};
    for (const m of await pageCitations(h, page)) counts[m.key] = (counts[m.key] ?? 0) + 1;
    const [key, n] = Object.entries(counts).find(([, v]) => v > 1)!;
    await hoverKey(page, key, 0, undefined);
    await cardOpen(page);
    expect(await cardText(page, '.occ-count')).toBe(`Cited ${n} times on this page`);
    expect(await cardText(page, '.occ-pos')).toBe(`1 of ${n}`);
    await shadowClick(page, CARD_HOST, `${CARD} button.next`);
    await waitFor(async () => (await cardText(page, '.occ-pos')) === `2 of ${n}`, 3000, 'next');
    // The card is now the second mention's: placed under it (it was scrolled into view).
    // The card's box first: reading what is drawn scrolls the page through (and back), which closes the card.
    const cardBox = (await card(page))!.box;
    const second = (await drawn(page))[indexOf(await pageCitations(h, page), key, 1)]!.box!;
    expect(Math.abs(cardBox.y - (second.y + second.height))).toBeLessThan(40);
    await page.keyboard.press('Escape');
  });

  test('a big page: the card counts every citation, and next goes to the far one', async () => {
    // The second citation is 4500 paragraphs below the first.
    const cite = 'General Assembly resolution 73/195 of 19 December 2018';
    const filler = 'The Assembly notes the work done in the year and the progress of the programme';
    const paragraphs = [`<p>Recalling ${cite},</p>`];
    for (let i = 0; i < 4500; i++) paragraphs.push(`<p>${filler}, part ${i}.</p>`);
    paragraphs.push(`<p id="far">Recalling also ${cite},</p>`);
    h.server.add(
      'pages/big-lazy.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big</title></head><body>${paragraphs.join('\n')}</body></html>`,
    );
    const big = await openScanned('big-lazy.html');
    expect((await pageCitations(h, big)).filter((m) => m.key === 'A/RES/73/195')).toHaveLength(2);
    await hoverKey(big, 'A/RES/73/195');
    await cardOpen(big);
    expect(await cardText(big, '.occ-count')).toBe('Cited 2 times on this page');
    expect(await cardText(big, '.occ-pos')).toBe('1 of 2');
    await shadowClick(big, CARD_HOST, `${CARD} button.next`);
    await waitFor(async () => (await cardText(big, '.occ-pos')) === '2 of 2', 3000, 'next');
    // Scrolled to the far paragraph.
    const far = await big.locator('#far').boundingBox();
    expect(far!.y).toBeGreaterThan(0);
    expect(far!.y).toBeLessThan(800);
    await big.close();
  });

  test('keyboard: the citation navigator moves through citations, Enter opens a card, Escape comes back', async () => {
    await page.mouse.move(1, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    const listed = await pageCitations(h, page);
    const focusText = async () => (await drawn(page, 'focus')).map((d) => d.text);
    const announced = async () => (await shadowQuery(page, CARD_HOST, '.live'))?.text ?? '';
    await page.keyboard.press('Alt+Shift+KeyJ');
    // The first citation from the top of the viewport, drawn with the focus highlight and announced.
    await waitFor(async () => (await focusText()).length === 1, 3000, 'navigator entered');
    expect(await focusText()).toEqual([listed[0]!.surface]);
    expect(await announced()).toContain(
      `Citation 1 of ${listed.length}: ${listed[0]!.surface} (${listed[0]!.key})`,
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusText()).toEqual([listed[2]!.surface]);
    expect(await announced()).toContain(`Citation 3 of ${listed.length}`);
    await page.keyboard.press('ArrowUp');
    expect(await focusText()).toEqual([listed[1]!.surface]);
    // Enter opens its card at once, with focus in it; Escape closes it and gives the keyboard back.
    await page.keyboard.press('Enter');
    await cardOpen(page, 3000);
    expect(await cardText(page, '.heading')).toContain(listed[1]!.key.split('/').slice(-2).join('/'));
    expect((await shadowQuery(page, CARD_HOST, '.nav'))?.focused).toBe(false);
    await page.keyboard.press('Escape');
    await cardClosed(page);
    await waitFor(
      async () => (await shadowQuery(page, CARD_HOST, '.nav'))?.focused,
      2000,
      'back in the navigator',
    );
    await page.keyboard.press('ArrowDown');
    expect(await focusText()).toEqual([listed[2]!.surface]);
    // Enter again, then Tab through the card: past its last control the card closes and the keyboard goes to the
    // NEXT citation (in the navigator, no card open), not into that citation's card.
    await page.keyboard.press('Enter');
    await cardOpen(page, 3000);
    const controls = await shadowCall<number>(
      page,
      CARD_HOST,
      CARD,
      `function () { return [...this.querySelectorAll('a[href], button:not([disabled])')].filter((c) => c.getClientRects().length > 0).length; }`,
    );
    for (let i = 0; i < (controls ?? 0); i++) await page.keyboard.press('Tab');
    expect(await card(page), 'the card is still open on its last control').not.toBeNull();
    await page.keyboard.press('Tab');
    await cardClosed(page);
    await waitFor(
      async () => (await shadowQuery(page, CARD_HOST, '.nav'))?.focused,
      2000,
      'the navigator has the keyboard after the card',
    );
    expect(await focusText()).toEqual([listed[3]!.surface]);
    expect(await announced()).toContain(`Citation 4 of ${listed.length}`);
    // Escape leaves: no focus highlight, no status line.
    await page.keyboard.press('Escape');
    expect(await focusText()).toEqual([]);
    expect(await shadowQuery(page, CARD_HOST, '.nav')).toBeNull();
  });

  test('a citation inside a page link: the link still navigates, and focusing it opens the card', async () => {
    const link = page.locator('a[href="https://undocs.org/en/A/RES/58/208"]');
    // The link's text is drawn as (part of) a citation; the link itself is the page's, untouched.
    const covered = await link.evaluate((a) => {
      const view = window as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
      for (const [n, set] of view.CSS.highlights)
        if (n.startsWith('un-cite-mark-'))
          for (const r of set) if ((r as Range).intersectsNode(a.firstChild!)) return true;
      return false;
    });
    expect(covered).toBe(true);
    // Focusing the link opens the citation's card.
    await link.focus();
    await cardOpen(page);
    expect(await cardText(page, '.heading')).toContain('58/208');
    // The index knows 58/208 only from the texts citing it: the subject they give.
    await waitFor(async () => (await card(page))?.attrs['data-status'] === 'known', 5000, 'known');
    expect((await shadowCardFacts(page))['On (as cited)']).toBe(MIGRATION_58_208.subject);
    await page.keyboard.press('Escape');
    expect(await link.getAttribute('href')).toBe('https://undocs.org/en/A/RES/58/208');
  });
});

test('Arabic page: the card is laid out right to left and gives what the index knows', async () => {
  const page = await openScanned('ar-a-res-77-164.html');
  await hoverKey(page, DISASTER_76_204.key);
  expect((await cardOpen(page)).attrs.dir).toBe('rtl');
  // The card speaks the page's language (test/e2e/card-language.test.ts): the Arabic title and labels, the
  // meeting from data/.
  await waitFor(async () => (await card(page))?.attrs['data-status'] === 'known', 5000, 'known');
  expect(await cardText(page, '.title')).toBe(DISASTER_76_204.titleAr);
  // The meeting of data/ is a link to its record, labelled in the card's language by what it is.
  const meeting = await shadowCall<string | null>(
    page,
    CARD_HOST,
    `${CARD} a[href$="/${DISASTER_76_204.meeting}"]`,
    'function () { return this.textContent; }',
  );
  expect(meeting).toBe(
    localeMessages('ar').cardLinkMeetingRecord!.message.replace('$SYMBOL$', DISASTER_76_204.meeting),
  );
  await page.close();
});

test('Off for this site: the highlights go, the setting is stored, a reload leaves the page alone', async () => {
  const page = await h.newPage(h.unUrl('pages/dev-115-sc-res-2223-2015-en.html', 'news.un.org'));
  await scanned(page);
  const htmlBefore = await page.evaluate(() => document.body.innerHTML);
  await hoverMention(page, 0);
  await cardOpen(page);
  await shadowClick(page, CARD_HOST, `${CARD} button.site-off`);
  await waitFor(async () => (await drawn(page)).length === 0, 3000, 'highlights removed');
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(htmlBefore);
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await drawn(page)).toEqual([]);
  expect(await pageCitations(h, page)).toEqual([]);
  // Other UN sites stay on.
  const other = await openScanned('dev-115-sc-res-2223-2015-en.html');
  expect((await drawn(other)).length).toBeGreaterThan(0);
  await other.close();
  await page.close();
});

test('no errors from any context', () => {
  h.expectNoErrors();
});
