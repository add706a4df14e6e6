/**
 * Reading the extension's UI on a web page from a test. The card and the "Open with citations" control live in
 * CLOSED shadow roots (a page script must not read or click them), which Playwright's locators do not enter; the
 * DevTools protocol does (`DOM.getDocument` with `pierce`). Clicks go through the real mouse at the element's
 * box, so they are trusted like a user's.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** What a test reads of one element inside a closed shadow root. */
export interface ShadowElement {
  text: string;
  attrs: Record<string, string>;
  /** Its box in the viewport (CSS pixels). */
  box: { x: number; y: number; width: number; height: number };
  /** True when it is the focused element of its shadow root. */
  focused: boolean;
}

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** The shadow roots of every host whose name starts with `hostPrefix` (the names carry a random suffix). */
function findRoots(node: DomNode, hostPrefix: string, out: DomNode[] = []): DomNode[] {
  if (node.localName?.startsWith(hostPrefix) && node.shadowRoots?.[0]) out.push(node.shadowRoots[0]);
  for (const c of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findRoots(c, hostPrefix, out);
  return out;
}

/** Runs `fn` (a function's source) with `this` bound to the DOM node `nodeId` and returns its JSON value. */
async function callOn<T>(cdp: CDPSession, nodeId: number, fn: string): Promise<T> {
  const { object } = await cdp.send('DOM.resolveNode', { nodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: fn,
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId! });
  return result.value as T;
}

/**
 * Runs `fn` (a function's source, `this` being the first element matching `selector` in the closed shadow root of
 * a `hostPrefix…` host) in the page and returns its JSON value, or null when there is no such element.
 */
export async function shadowCall<T>(
  page: Page,
  hostPrefix: string,
  selector: string,
  fn: string,
): Promise<T | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  // The extension's hosts (the card's, the navigator's) share the prefix: the first root that has the element.
  let nodeId = 0;
  for (const shadow of findRoots(root, hostPrefix)) {
    ({ nodeId } = (await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector })) as {
      nodeId: number;
    });
    if (nodeId) break;
  }
  if (!nodeId) return null;
  return callOn<T>(cdp, nodeId, fn);
}

/** The first element matching `selector` in the closed shadow root of the `hostPrefix…` host, or null. */
export function shadowQuery(page: Page, hostPrefix: string, selector: string): Promise<ShadowElement | null> {
  return shadowCall<ShadowElement>(
    page,
    hostPrefix,
    selector,
    `function () {
      const r = this.getBoundingClientRect();
      const attrs = {};
      for (const a of this.attributes) attrs[a.name] = a.value;
      return {
        text: this.textContent ?? '',
        attrs,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        focused: this.getRootNode().activeElement === this,
      };
    }`,
  );
}

/**
 * Runs `fn` (a function's source, `this` being the closed shadow root of the first `hostPrefix…` host) in the page and
 * returns its JSON value, or null when there is no such host.
 */
export async function shadowEval<T>(page: Page, hostPrefix: string, fn: string): Promise<T | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const shadow = findRoots(root, hostPrefix)[0];
  if (!shadow) return null;
  return callOn<T>(cdp, shadow.nodeId, fn);
}

/** Like {@link shadowQuery}, but waits until the element exists (or throws after `timeoutMs`). */
export async function shadowWait(
  page: Page,
  hostPrefix: string,
  selector: string,
  timeoutMs = 5000,
): Promise<ShadowElement> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const el = await shadowQuery(page, hostPrefix, selector);
    if (el) return el;
    if (Date.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${hostPrefix} ${selector}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until no element matches `selector` in the `hostPrefix…` host's shadow root. */
export async function shadowGone(
  page: Page,
  hostPrefix: string,
  selector: string,
  timeoutMs = 2000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (await shadowQuery(page, hostPrefix, selector)) {
    if (Date.now() > end) throw new Error(`${hostPrefix} ${selector} still there after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The centre of an element's box (for the real mouse). */
export function centre(el: ShadowElement): { x: number; y: number } {
  return { x: el.box.x + el.box.width / 2, y: el.box.y + el.box.height / 2 };
}

/** Clicks an element inside a closed shadow root with the real mouse (a trusted click). */
export async function shadowClick(page: Page, hostPrefix: string, selector: string): Promise<void> {
  const el = await shadowWait(page, hostPrefix, selector);
  const { x, y } = centre(el);
  await page.mouse.click(x, y);
}

/** Moves the real mouse over an element inside a closed shadow root. */
export async function shadowHover(page: Page, hostPrefix: string, selector: string): Promise<void> {
  const el = await shadowWait(page, hostPrefix, selector);
  const { x, y } = centre(el);
  await page.mouse.move(x, y);
}

/** The card's host name prefix and the card inside it. */
export const CARD_HOST = 'un-cite-card';
export const CARD = '.card';

/**
 * The label → value lines (`dl.facts`) of the open card, read in its closed shadow root (what index-facts.ts's
 * `cardFacts` reads of an open one); empty when the card shows no facts.
 */
export async function shadowCardFacts(page: Page): Promise<Record<string, string>> {
  const pairs = await shadowCall<[string, string][]>(
    page,
    CARD_HOST,
    `${CARD} dl.facts`,
    `function () {
      return [...this.querySelectorAll('dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']);
    }`,
  );
  return Object.fromEntries(pairs ?? []);
}
