/**
 * `npm run store:screenshots`: the store listings' screenshots (1280×800, what the Chrome Web Store and
 * addons.mozilla.org ask for), one per UN language, written to store/<locale>/screenshot-card.png.
 *
 * Each is a real run of the built extension (dist/chrome) in Chromium whose UI speaks that language (Debian:
 * the chromium-l10n package), on a page of the same General Assembly resolution in that language — A/RES/77/164,
 * from the GA sample in test/fixtures/corpus — with the pointer resting on one of its citations so that the
 * hover card, drawn from the bundled index, is open. Nothing is staged by hand: if the card does not open, no
 * picture is written and the command fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Lang } from '../src/core/mention';
import { readGaSample } from '../test/corpus';
import { launchExtension, ROOT, waitFor } from '../test/e2e/harness';
import { scanned } from '../test/e2e/page-mentions';
import { ensureChromeBuild } from './bench/lib/chrome-build';

const SYMBOL = 'A/RES/77/164';
/** UN language → Chromium UI language and the extension's locale folder. */
const LOCALES: [Lang, string, string][] = [
  ['en', 'en-US', 'en'],
  ['fr', 'fr', 'fr'],
  ['es', 'es', 'es'],
  ['ru', 'ru', 'ru'],
  ['zh', 'zh-CN', 'zh_CN'],
  ['ar', 'ar', 'ar'],
];
/** The citation to hover in each text: the first GA resolution number in its paragraphs. */
const HOVER = /\d{2}\/\d{1,3}/;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pageOf(lang: Lang): string {
  const doc = readGaSample(lang).find((d) => d.symbol === SYMBOL);
  if (!doc) throw new Error(`${SYMBOL} is not in the ${lang} GA sample`);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const paras = [...doc.preamble, ...doc.operative]
    .slice(0, 14)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><title>${esc(SYMBOL)} — ${esc(doc.title ?? '')}</title>
<style>
  body { font: 17px/1.6 Georgia, 'Noto Serif', 'Noto Naskh Arabic', 'Noto Serif CJK SC', serif; color: #1a1a1a;
    max-width: 760px; margin: 32px auto; padding: 0 24px; }
  header { font: 14px/1.4 system-ui, sans-serif; color: #fff; background: #009edb; padding: 10px 24px; margin: -32px -24px 24px; }
  h1 { font-size: 1.4em; }
</style></head>
<body>
<header>United Nations · ${esc(SYMBOL)}</header>
<h1>${esc(doc.title ?? SYMBOL)}</h1>
${paras}
</body>
</html>
`;
}

/** The centre of the first citation-like number in the text's paragraphs (read from the page's text, not our marks). */
function firstCitationPoint(page: Page): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement?.closest('p')) continue;
      const m = re.exec(n.nodeValue ?? '');
      if (!m) continue;
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return undefined;
  }, HOVER.source);
}

async function main(): Promise<void> {
  await ensureChromeBuild();
  for (const [lang, uiLocale, folder] of LOCALES) {
    const h = await launchExtension({ locale: uiLocale, viewport: { width: 1280, height: 800 } });
    try {
      const ui = await (await h.worker()).evaluate(() => chrome.i18n.getUILanguage());
      if (!ui.toLowerCase().startsWith(uiLocale.slice(0, 2)))
        throw new Error(`Chromium runs in ${ui}, not ${uiLocale} (Debian: apt-get install chromium-l10n)`);
      h.server.add(`store/${lang}.html`, pageOf(lang));
      const page = await h.newPage(h.unUrl(`store/${lang}.html`));
      // The tab's pageCitations reply says when its first scan is done.
      await scanned(page);
      const point = await firstCitationPoint(page);
      if (!point) throw new Error(`no citation to hover on the ${lang} page`);
      await page.mouse.move(point.x, point.y - 40);
      const before = await page.screenshot();
      await page.mouse.move(point.x, point.y);
      // The card opens after the hover dwell, then fills from the index: wait until the picture changes and
      // then holds still.
      let last = before;
      await waitFor(
        async () => {
          await page.waitForTimeout(300);
          const now = await page.screenshot();
          const settled = !now.equals(before) && now.equals(last);
          last = now;
          return settled;
        },
        10_000,
        `the ${lang} card`,
      );
      const dir = join(ROOT, 'store', folder);
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'screenshot-card.png') });
      console.log(`store/${folder}/screenshot-card.png`);
    } finally {
      await h.close();
    }
  }
}

await main();
