/**
 * "The page cannot drive us", in real Chromium: a page script's synthetic events (on a real citation or on one it
 * planted) open no card; it cannot read the card or reach its buttons (closed shadow root), so "Off for this site"
 * stays unpressed; scripted clicks on "Open with citations" open nothing, the worker refuses a PDF address that
 * is not the UN's, and the user's own clicks in a burst open one tab. A page that registers custom elements under
 * our old names (`un-cite-card`, `un-cite-open-pdf`) changes nothing: our names carry a random suffix.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CARD, CARD_HOST, shadowClick, shadowQuery, shadowWait } from './closed-shadow';
import { type Harness, launchExtension } from './harness';
import { drawn, hoverMention, scanned } from './page-mentions';

let h: Harness;

beforeAll(async () => {
  h = await launchExtension();
});

afterAll(async () => {
  await h?.close();
});

async function openScanned(url: string): Promise<Page> {
  const page = await h.newPage(url);
  await scanned(page);
  return page;
}

/** The stored settings, read in the worker. */
async function storedSettings(): Promise<unknown> {
  const w = await h.worker();
  return w.evaluate(async () => (await chrome.storage.sync.get(null)) as unknown);
}

/** Extension pages open in the browser (viewer tabs). */
function viewerTabs(): number {
  return h.context.pages().filter((p) => p.url().startsWith(h.extUrl('src/viewer/'))).length;
}

test('our only element has a name no page can have defined beforehand', async () => {
  const hostName = async (p: Page) => {
    await hoverMention(p, 0);
    await shadowWait(p, CARD_HOST, CARD);
    return p.evaluate(() =>
      [...document.documentElement.children].map((e) => e.localName).filter((n) => n.startsWith('un-cite')),
    );
  };
  const page = await openScanned(h.unUrl('pages/seed-a-res-77-176.html'));
  const names = await hostName(page);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^un-cite-card-[a-z0-9]{8}$/);
  // Another load of the same page gets another name.
  const again = await openScanned(h.unUrl('pages/seed-a-res-77-176.html'));
  expect((await hostName(again))[0]).not.toBe(names[0]);
  await page.close();
  await again.close();
});

test('synthetic events on a citation or a planted mark open no card, and the page cannot read one', async () => {
  const page = await openScanned(h.unUrl('pages/seed-a-res-77-176.html'));
  const at = (await drawn(page))[1]!.box!;
  const seen = await page.evaluate(async (box) => {
    // The element under a drawn citation, and an element dressed as the marks of old.
    const real = document.elementFromPoint(box.x + 2, box.y + box.height / 2) as HTMLElement;
    const planted = document.createElement('un-cite');
    planted.dataset.unHead = '';
    planted.dataset.unId = 'u1';
    planted.dataset.unKey = 'A/RES/73/195';
    planted.textContent = 'planted';
    document.body.prepend(planted);
    for (const el of [real, planted]) {
      const r = el === real ? { x: box.x, y: box.y } : el.getBoundingClientRect();
      const at = { bubbles: true, composed: true, clientX: r.x + 2, clientY: r.y + 2 };
      el.dispatchEvent(new PointerEvent('pointerover', at));
      el.dispatchEvent(new PointerEvent('pointermove', at));
      el.dispatchEvent(new MouseEvent('mouseover', at));
      el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      el.dispatchEvent(new MouseEvent('click', { ...at, button: 0 }));
      el.click();
    }
    // Longer than the dwell and a slow lookup.
    await new Promise((r) => setTimeout(r, 1200));
    const host = [...document.documentElement.children].find((e) => e.localName.startsWith('un-cite-card'));
    return { host: !!host, readable: !!host?.shadowRoot };
  }, at);
  expect(await shadowQuery(page, CARD_HOST, CARD)).toBeNull();
  expect(seen.readable).toBe(false);
  // The user's own hover still opens it; the page sees the host but not into it.
  await hoverMention(page, 1);
  await shadowWait(page, CARD_HOST, CARD);
  const readable = await page.evaluate(() => {
    const host = [...document.documentElement.children].find((e) => e.localName.startsWith('un-cite-card'));
    return host ? host.shadowRoot !== null : 'no host';
  });
  expect(readable).toBe(false);
  await page.close();
});

test('scripted clicks and keys on the card change no setting', async () => {
  const before = await storedSettings();
  const page = await openScanned(h.unUrl('pages/seed-a-res-77-176.html'));
  await hoverMention(page, 1);
  await shadowWait(page, CARD_HOST, `${CARD} button.site-off`);
  await page.evaluate(async () => {
    const host = [...document.documentElement.children].find((e) => e.localName.startsWith('un-cite-card'))!;
    // All a page can reach: the host itself, and the focused element (retargeted to the host).
    for (const target of [host, document.activeElement ?? host]) {
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      (target as HTMLElement).click();
    }
    await new Promise((r) => setTimeout(r, 500));
  });
  expect(await storedSettings()).toEqual(before);
  expect((await drawn(page)).length).toBeGreaterThan(10);
  await page.close();
});

test('"Open with citations": scripted clicks open nothing, a non-UN PDF is refused, a burst of clicks is one tab', async () => {
  // A landing page whose iframe a script pointed at another site's PDF.
  h.server.add(
    'pdf/landing-elsewhere.html',
    '<!doctype html><html lang="en"><body><h1>A/RES/77/176</h1><iframe src="https://files.example.org/a-res-77-176.pdf"></iframe></body></html>',
  );
  // The button is what is tested: with "open UN PDFs in the viewer" on (the default) the landing page would go
  // to the viewer by itself.
  const w = await h.worker();
  await w.evaluate(() => chrome.storage.sync.set({ settings: { version: 2, openPdfsInViewer: false } }));
  const tabs0 = viewerTabs();
  const elsewhere = await h.newPage(h.unUrl('pdf/landing-elsewhere.html', 'undocs.org'));
  await shadowWait(elsewhere, 'un-cite-open-pdf', 'button', 20_000);
  const reached = await elsewhere.evaluate(async () => {
    const host = [...document.documentElement.children].find((e) =>
      e.localName.startsWith('un-cite-open-pdf'),
    )!;
    for (let i = 0; i < 3; i++) {
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      (host as HTMLElement).click();
    }
    await new Promise((r) => setTimeout(r, 500));
    return host.shadowRoot !== null;
  });
  expect(reached).toBe(false);
  // Even the user's click: the worker opens the viewer for UN PDF addresses only.
  await shadowClick(elsewhere, 'un-cite-open-pdf', 'button');
  await elsewhere.waitForTimeout(1000);
  expect(viewerTabs()).toBe(tabs0);
  await elsewhere.close();

  // The real landing page: three quick clicks of the user's open one viewer tab.
  const landing = await h.newPage(h.unUrl('pdf/landing.html', 'undocs.org'));
  await shadowWait(landing, 'un-cite-open-pdf', 'button', 20_000);
  for (let i = 0; i < 3; i++) await shadowClick(landing, 'un-cite-open-pdf', 'button');
  await landing.waitForTimeout(1500);
  expect(viewerTabs()).toBe(tabs0 + 1);
  await landing.close();
  await w.evaluate(() => chrome.storage.sync.remove('settings'));
});

test('a page that defines custom elements under our old names changes nothing', async () => {
  h.server.add(
    'pages/hostile-names.html',
    `<!doctype html><html lang="en"><head><script>
      // A page that took the names: its class hides itself and forbids our shadow root.
      class Hide extends HTMLElement {
        static disabledFeatures = ['shadow'];
        connectedCallback() { this.style.display = 'none'; }
      }
      customElements.define('un-cite', class extends Hide {});
      customElements.define('un-cite-card', class extends Hide {});
      customElements.define('un-cite-open-pdf', class extends Hide {});
    </script></head><body>
      <p id="p">Recalling its resolution 73/195 of 19 December 2018, by which it endorsed the Global Compact.</p>
    </body></html>`,
  );
  const page = await openScanned(h.unUrl('pages/hostile-names.html'));
  expect((await drawn(page)).map((d) => d.text)).toEqual(['its resolution 73/195']);
  await hoverMention(page, 0);
  const card = await shadowWait(page, CARD_HOST, CARD);
  expect(card.box.height).toBeGreaterThan(0);
  await page.close();
});

test('no errors from any context', () => {
  // The landing page frames a PDF this suite does not serve (the viewer suite generates it); its 404 is the page's.
  h.expectNoErrors([/Failed to load resource: the server responded with a status of 404/]);
});
