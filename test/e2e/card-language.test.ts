/**
 * Cards in the reader's language, in real Chromium with the built extension and the real index, as a reader
 * meets them: an Arabic page read in an English browser gets an Arabic card (Arabic title and labels, right to
 * left, its counter in Arabic order) and, with the setting "the browser's language", an English one; the
 * toolbar popup of a French browser searches in French and shows French titles; an entry the index has no
 * French title for shows its English title marked as English; with Arabic chosen in the options, an English
 * page gets an Arabic card. Screenshots of the cards go to
 * test-results/screenshots (light and dark).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localeMessages } from '../unit/i18n-locale';
import { setCardLang } from './card-lang-setting';
import { CARD, CARD_HOST, shadowCall, shadowWait } from './closed-shadow';
import { type Harness, launchExtension, SCREENSHOTS, waitFor } from './harness';
import { DISASTER_76_204 } from './index-facts';
import { hoverMention, pageCitations, scanned } from './page-mentions';
import { searchPopup } from './surfaces';

const AR = localeMessages('ar');
const EN = localeMessages('en');
const FR = localeMessages('fr');

/** An Arabic page citing A/RES/76/204 twice (text after the preamble of A/RES/77/164). */
const ARABIC_PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>A/RES/77/164</title></head>
<body><h1>الحد من مخاطر الكوارث</h1>
<p>إن الجمعية العامة، إذ تشير إلى قرارها A/RES/76/204 المؤرخ 17 كانون الأول/ديسمبر 2021 وإلى جميع قراراتها السابقة بشأن الحد من مخاطر الكوارث،</p>
<p>وإذ تعيد تأكيد ما ورد في القرار A/RES/76/204 من التزامات،</p>
</body></html>`;

/** An English page citing A/RES/76/204 twice, for the English and French cards' screenshots. */
const ENGLISH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A/RES/77/164</title></head>
<body><h1>Disaster risk reduction</h1>
<p>The General Assembly, recalling its resolution A/RES/76/204 of 17 December 2021 and all its previous resolutions on disaster risk reduction,</p>
<p>Reaffirming the commitments of resolution A/RES/76/204,</p>
</body></html>`;

/** The same in French. */
const FRENCH_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>A/RES/77/164</title></head>
<body><h1>Réduction des risques de catastrophe</h1>
<p>L’Assemblée générale, rappelant sa résolution A/RES/76/204 du 17 décembre 2021 et toutes ses résolutions antérieures,</p>
<p>Réaffirmant les engagements de la résolution A/RES/76/204,</p>
</body></html>`;

/** What the test reads of an open card. */
interface CardRead {
  dir: string;
  lang: string;
  title: string;
  titleLang: string | null;
  kind: string;
  labels: string[];
  /** Left edges of the "previous" button, the position text and the "next" button. */
  prevX: number;
  posX: number;
  nextX: number;
  /** Left edges of the first and the last number of the position text ("1" and "2" of "1 of 2"). */
  firstNumX: number;
  lastNumX: number;
  posText: string;
}

async function readCard(page: Page): Promise<CardRead> {
  await shadowWait(page, CARD_HOST, `${CARD}:not([data-status="loading"])`, 10_000);
  const read = await shadowCall<CardRead>(
    page,
    CARD_HOST,
    CARD,
    `function () {
      const x = (sel) => this.querySelector(sel)?.getBoundingClientRect().left ?? NaN;
      const pos = this.querySelector('.occ-pos');
      const text = pos?.firstChild;
      const numX = (which) => {
        const s = text?.textContent ?? '';
        const all = [...s.matchAll(/\\d+/g)];
        const m = which === 'first' ? all[0] : all[all.length - 1];
        if (!m) return NaN;
        const r = document.createRange();
        r.setStart(text, m.index);
        r.setEnd(text, m.index + m[0].length);
        return r.getBoundingClientRect().left;
      };
      const title = this.querySelector('.title');
      return {
        dir: this.dir,
        lang: this.lang,
        title: title?.querySelector('bdi')?.textContent ?? title?.textContent ?? '',
        titleLang: title?.querySelector('bdi')?.getAttribute('lang') ?? null,
        kind: this.querySelector('.kind')?.textContent ?? '',
        labels: [...this.querySelectorAll('dt')].map((d) => d.textContent),
        prevX: x('.prev'),
        posX: x('.occ-pos'),
        nextX: x('.next'),
        firstNumX: numX('first'),
        lastNumX: numX('last'),
        posText: pos?.textContent ?? '',
      };
    }`,
  );
  if (!read) throw new Error('no card');
  return read;
}

/** Hovers the first mention of `key` on the page and reads its card. */
async function hoverCard(page: Page, h: Harness, key: string): Promise<CardRead> {
  const list = await pageCitations(h, page);
  const index = list.findIndex((m) => m.key === key);
  expect(index, `a mention of ${key}`).toBeGreaterThanOrEqual(0);
  await page.mouse.move(1, 1);
  await hoverMention(page, index);
  return readCard(page);
}

/** Screenshots the open card (light and dark). */
async function shootCard(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await new Promise((r) => setTimeout(r, 200));
    await page.screenshot({ path: `${SCREENSHOTS}/card-language-${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('an English browser', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launchExtension();
    h.server.add('pages/card-lang-ar.html', ARABIC_PAGE);
    h.server.add('pages/card-lang-en.html', ENGLISH_PAGE);
    h.server.add('pages/card-lang-fr.html', FRENCH_PAGE);
  });

  afterAll(async () => {
    await h?.close();
  });

  test('on an Arabic page the card is Arabic: its title, its labels, right to left, its counter in Arabic order', async () => {
    const page = await h.newPage(h.unUrl('pages/card-lang-ar.html'));
    await scanned(page);
    const card = await hoverCard(page, h, DISASTER_76_204.key);
    expect(card.dir).toBe('rtl');
    expect(card.lang).toBe('ar');
    expect(card.title).toBe(DISASTER_76_204.titleAr);
    expect(card.titleLang).toBeNull();
    expect(card.kind).toBe(AR.cardKindResolution?.message);
    expect(card.labels).toContain(AR.cardFactDate?.message);
    expect(card.labels).not.toContain(EN.cardFactDate?.message);
    // "‹ 1 من 2 ›" laid out right to left: previous on the right, then the position, then next; in the
    // position, the 1 right of the 2 (an English "1 of 2" in this card would read "of 2 1").
    expect(card.posText).toBe('1 من 2');
    expect(card.prevX).toBeGreaterThan(card.posX);
    expect(card.posX).toBeGreaterThan(card.nextX);
    expect(card.firstNumX).toBeGreaterThan(card.lastNumX);
    await shootCard(page, 'ar-page-ar');

    // The reader's setting "the browser's language": the same page gives an English card, left to right.
    await setCardLang(h, 'browser');
    try {
      await waitFor(
        async () => {
          await page.mouse.move(1, 1);
          await new Promise((r) => setTimeout(r, 400));
          const en = await hoverCard(page, h, DISASTER_76_204.key);
          return en.lang === 'en';
        },
        15_000,
        'the English card',
      );
      const en = await readCard(page);
      expect(en.dir).toBe('ltr');
      expect(en.title).toBe(DISASTER_76_204.title);
      expect(en.labels).toContain(EN.cardFactDate?.message);
      expect(en.posText).toBe('1 of 2');
      expect(en.prevX).toBeLessThan(en.posX);
      expect(en.firstNumX).toBeLessThan(en.lastNumX);
      await shootCard(page, 'ar-page-en');
    } finally {
      await setCardLang(h, 'page');
    }
    await page.close();
  });

  test('on an English page the card is English; on a French page French, with the French title', async () => {
    const en = await h.newPage(h.unUrl('pages/card-lang-en.html'));
    await scanned(en);
    const enCard = await hoverCard(en, h, DISASTER_76_204.key);
    expect(enCard).toMatchObject({ dir: 'ltr', lang: 'en', title: DISASTER_76_204.title });
    await shootCard(en, 'en-page-en');
    await en.close();

    const fr = await h.newPage(h.unUrl('pages/card-lang-fr.html'));
    await scanned(fr);
    const frCard = await hoverCard(fr, h, DISASTER_76_204.key);
    expect(frCard).toMatchObject({ dir: 'ltr', lang: 'fr', title: 'Réduction des risques de catastrophe' });
    expect(frCard.labels).toContain(FR.cardFactDate?.message);
    expect(frCard.kind).toBe(FR.cardKindResolution?.message);
    await shootCard(fr, 'fr-page-fr');
    await fr.close();
    h.expectNoErrors();
  });

  test('with Arabic chosen, an English page gets an Arabic card that reads right to left', async () => {
    await setCardLang(h, 'ar');
    try {
      const page = await h.newPage(h.unUrl('pages/card-lang-en.html'));
      await scanned(page);
      const card = await hoverCard(page, h, DISASTER_76_204.key);
      expect(card).toMatchObject({
        dir: 'rtl',
        lang: 'ar',
        title: DISASTER_76_204.titleAr,
        posText: '1 من 2',
      });
      expect(card.labels).toContain(AR.cardFactDate?.message);
      expect(card.prevX).toBeGreaterThan(card.nextX);
      expect(card.firstNumX).toBeGreaterThan(card.lastNumX);
      await shootCard(page, 'en-page-ar');
      await page.close();
    } finally {
      await setCardLang(h, 'page');
    }
  });
});

describe('a French browser', () => {
  let h: Harness;
  let popup: Page;

  beforeAll(async () => {
    h = await launchExtension({ locale: 'fr' });
    popup = await h.newPage(h.extUrl('src/popup/index.html'));
    await waitFor(() => popup.evaluate(() => document.readyState === 'complete'), 10_000, 'the popup');
  });

  afterAll(async () => {
    await h?.close();
  });

  test('the popup searches in French and shows French titles and a French card', async () => {
    expect(await popup.getByRole('combobox', { name: FR.popupSearchLabel?.message }).count()).toBe(1);
    const keys = await searchPopup(popup, '76/204');
    expect(keys[0]).toBe(DISASTER_76_204.key);
    const row = popup.locator('[role="option"]').first();
    expect(await row.textContent()).toContain('Réduction des risques de catastrophe');
    const card = popup.locator(
      `#detail-card .card[data-key="${DISASTER_76_204.key}"]:not([data-status="loading"])`,
    );
    await card.waitFor();
    expect(await card.getAttribute('lang')).toBe('fr');
    expect(await card.locator('.title').textContent()).toBe('Réduction des risques de catastrophe');
    expect(await card.locator('.kind').textContent()).toBe(FR.cardKindResolution?.message);
    expect(await card.locator('dt').allTextContents()).toContain(FR.cardFactDate?.message);
    await popup.screenshot({ path: `${SCREENSHOTS}/card-language-popup-fr.png` });
  });

  test('an entry without a French title shows its English title, marked as English', async () => {
    const key = 'A/RES/380(V)';
    const keys = await searchPopup(popup, key);
    expect(keys[0]).toBe(key);
    const card = popup.locator(`#detail-card .card[data-key="${key}"]:not([data-status="loading"])`);
    await card.waitFor();
    expect(await card.getAttribute('lang')).toBe('fr');
    const title = card.locator('.title bdi');
    expect(await title.getAttribute('lang')).toBe('en');
    expect(await title.textContent()).toBe('Peace through deeds');
    // The tag names the language in the card's: "anglais".
    expect(await card.locator('.title .lang-tag').textContent()).toBe(
      new Intl.DisplayNames(['fr'], { type: 'language' }).of('en'),
    );
    await popup.screenshot({ path: `${SCREENSHOTS}/card-language-popup-fr-english-title.png` });
    h.expectNoErrors();
  });
});
