/**
 * The toolbar popup: search the whole index as you type (keyboard first), the active result as a full
 * card, the citations found on the current tab, "off for this site" and a link to the options.
 *
 * `?tab=<id>` names the tab to report on (used when the popup page is opened as a page, e.g. by tests);
 * otherwise it is the active tab of the window.
 */

import { keyLabel } from '../card/key-label';
import type { CardHandlers } from '../card/render';
import type { CardModel } from '../card/view-model';
import { parseKey } from '../core/index/keys';
import type { SearchHit } from '../core/index/types';
import type { Lang } from '../core/mention';
import { browser, t } from '../shared/browser';
import { cardTranslator } from '../shared/card-messages';
import { readerCardLang, readerLang } from '../shared/link-lang';
import { sendToTab, sendToWorker } from '../shared/messaging';
import { openTraceView } from '../shared/open-trace';
import { copyText, localize, subjectTab, uiDir } from '../shared/page-env';
import {
  hostMatches,
  isSiteEnabled,
  loadSettings,
  saveSettings,
  UN_SITES,
  withSiteOff,
  withSiteOn,
} from '../shared/settings';
import { createCardSlot, lookupState, pageFreeInput } from '../ui/card-slot';
import { cardTitle, localizeHits } from '../ui/card-title';
import { kindHeading, searchLabels } from '../ui/labels';
import { mountSearchBox } from '../ui/search-box';
import { groupPageCitations, uniqueKeys } from './page-groups';
import { renderPageList } from './page-list';

/** Results asked of the index per query: enough to scroll, few enough to render at once. */
const SEARCH_LIMIT = 20;
/** A title-word query that makes the worker load its text index before the first keystroke. */
const WARM_UP_QUERY = 'resolution';
/** Keys looked up for titles in the page list; a page citing more keys shows the rest without titles. */
const PAGE_TITLE_LOOKUPS = 150;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Is this page the real toolbar popup (which closes itself after sending the reader elsewhere)? */
function isToolbarPopup(): boolean {
  try {
    return browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  localize(document);
  document.documentElement.dir = uiDir();
  document.documentElement.lang = browser.i18n.getUILanguage();
  const params = new URLSearchParams(location.search);
  const tabParam = params.get('tab');
  const [lang, cardLang, tab] = await Promise.all([
    readerLang(),
    readerCardLang(),
    subjectTab(tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined),
  ]);
  const popup = isToolbarPopup();

  // ---- the active result's card ----
  const detail = $<HTMLElement>('detail');
  // The card and the result titles speak the card's language (the browser's, unless the reader fixed one).
  const slot = createCardSlot($('detail-card'), await cardTranslator(cardLang));
  const detailStatus = $<HTMLElement>('detail-status');
  // The card on show: Enter opens its document link, Ctrl+C copies its UN-style citation.
  let shown: { key: string; model: CardModel } | undefined;
  let cardSeq = 0;

  const trace = (key: string) => {
    // Called straight from the key/click handler: the side panel opens only inside the user's gesture.
    const opening = openTraceView(tab ? { key, tabId: tab.id } : { key });
    void opening.then((surface) => {
      if (popup && surface !== 'tab') window.close();
    });
  };

  const openDocument = (key: string) => {
    const url =
      shown?.key === key ? shown.model?.links.find((l) => /^https:\/\//.test(l.url))?.url : undefined;
    if (!url) {
      // Nothing to open (a Treaty Series or body-local key without a document): trace it instead.
      trace(key);
      return;
    }
    void browser.tabs.create({ url }).then(() => {
      if (popup) window.close();
    });
  };

  const copyAndSay = async (text: string): Promise<boolean> => {
    const ok = await copyText(text);
    detailStatus.textContent = ok ? t('popupCopied', text) : t('popupCopyFailed');
    return ok;
  };

  const showCard = (hit: SearchHit | undefined) => {
    const mine = ++cardSeq;
    detailStatus.textContent = '';
    if (!hit) {
      shown = undefined;
      slot.clear();
      detail.hidden = true;
      return;
    }
    detail.hidden = false;
    const kind = parseKey(hit.key)?.kind ?? 'document';
    const handlers: CardHandlers = { onCopy: (_format, text) => copyAndSay(text), onTrace: trace };
    shown = {
      key: hit.key,
      model: slot.show(pageFreeInput(hit.key, kind, { status: 'loading' }, lang, cardLang), handlers),
    };
    void lookupState(hit.key, lang).then((state) => {
      if (mine !== cardSeq) return; // the reader moved on
      const k = state.status === 'ok' ? state.card.kind : kind;
      shown = { key: hit.key, model: slot.show(pageFreeInput(hit.key, k, state, lang, cardLang), handlers) };
    });
  };

  // ---- search ----
  const pageSection = $<HTMLElement>('page');
  const box = mountSearchBox($('search'), {
    labels: searchLabels(),
    idPrefix: 'search',
    search: async (query) =>
      localizeHits(await sendToWorker('search', { query, limit: SEARCH_LIMIT, lang }), cardLang, (key) =>
        sendToWorker('lookup', { key, lang }),
      ),
    onActive: showCard,
    onOpen: (hit) => openDocument(hit.key),
    onTrace: (hit) => trace(hit.key),
    onCopy: (hit) => {
      if (shown?.key === hit.key) void copyAndSay(shown.model.citation.un);
    },
    onQuery: (q) => {
      pageSection.dataset.mode = q ? 'search' : 'page';
    },
  });
  box.input.focus();

  // ---- citations on the page ----
  // Then warm the worker's title index: its first load takes a moment, and the reader is about to type
  // (a bare digit or a title word is a text search). Its answer is not used.
  const showPage = () => showPageCitations(tab?.id, tab?.url, lang, trace);
  const pageUrl = showPage();
  void pageUrl.finally(() => sendToWorker('search', { query: WARM_UP_QUERY, limit: 1, lang }));

  // ---- site switch and options ----
  // The tab's address needs the activeTab grant (a real popup has it); the content script's answer also says.
  void pageUrl.then((url) => siteSwitch(tab?.url ?? url, tab?.id, showPage));
  $('options-link').addEventListener('click', (e) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage().then(() => {
      if (popup) window.close();
    });
  });

  // Tests and the trace view's own checks wait for this.
  document.body.dataset.ready = '1';
}

/** The site of a web address, whether the extension covers it, and whether the reader switched it off. */
async function siteOf(
  url: string | undefined,
): Promise<{ host: string; covered: boolean; on: boolean } | undefined> {
  let host: string | undefined;
  try {
    const u = url ? new URL(url) : undefined;
    if (u && /^https?:$/.test(u.protocol)) host = u.hostname;
  } catch {
    host = undefined;
  }
  if (!host) return undefined;
  const settings = await loadSettings(browser.storage.sync);
  const covered =
    UN_SITES.some((p) => hostMatches(host, p)) || settings.extraSites.some((p) => hostMatches(host, p));
  return { host, covered, on: isSiteEnabled(settings, host) };
}

/** Switches a site back on (the content script follows the setting and marks the page again). */
async function turnSiteOn(host: string): Promise<void> {
  const current = await loadSettings(browser.storage.sync);
  await saveSettings(browser.storage.sync, { disabledSites: withSiteOn(current, host).disabledSites });
}

/** Waits (a few seconds at most) until the tab's content script, just switched on, has marked the page. */
async function waitForMarks(tabId: number): Promise<void> {
  const end = Date.now() + 5000;
  while (Date.now() < end) {
    const r = await sendToTab(tabId, 'pageCitations', {});
    if (r.ok && r.value.mentions.length > 0) return;
    await new Promise((ok) => setTimeout(ok, 150));
  }
}

async function showPageCitations(
  tabId: number | undefined,
  tabUrl: string | undefined,
  lang: Lang,
  trace: (key: string) => void,
): Promise<string | undefined> {
  const status = $<HTMLElement>('page-status');
  const groups = $<HTMLElement>('page-groups');
  const count = $<HTMLElement>('page-count');
  if (tabId === undefined) {
    status.textContent = t('popupPageUnavailable');
    return undefined;
  }
  const reply = await sendToTab(tabId, 'pageCitations', {});
  // A site the reader switched off (one click on a card's "Off for this site") says so, with the way back,
  // instead of "no citations on this page".
  const site = await siteOf(tabUrl ?? (reply.ok ? reply.value.url : undefined));
  const off = $<HTMLElement>('site-off');
  if (site?.covered && !site.on) {
    $('site-off-text').textContent = t('popupSiteOffState', site.host);
    off.hidden = false;
    status.textContent = '';
    groups.replaceChildren();
    count.textContent = '';
    document.body.dataset.page = 'off';
    const on = $<HTMLButtonElement>('site-on');
    on.onclick = async () => {
      on.disabled = true;
      await turnSiteOn(site.host);
      await waitForMarks(tabId);
      on.disabled = false;
      await showPageCitations(tabId, tabUrl, lang, trace);
      $<HTMLInputElement>('site-toggle').checked = true;
    };
    return reply.ok ? reply.value.url : undefined;
  }
  off.hidden = true;
  if (!reply.ok) {
    status.textContent = t('popupPageUnavailable');
    document.body.dataset.page = 'unavailable';
    return undefined;
  }
  const mentions = reply.value.mentions;
  if (mentions.length === 0) {
    status.textContent = t('popupPageNone');
    document.body.dataset.page = 'none';
    return reply.value.url;
  }
  const keys = uniqueKeys(mentions).slice(0, PAGE_TITLE_LOOKUPS);
  const cards = await Promise.all(keys.map((key) => sendToWorker('lookup', { key, lang })));
  const known = new Map<string, boolean>();
  const titles = new Map<string, string>();
  cards.forEach((r, i) => {
    if (!r.ok) return; // worker down: rows keep the content script's own flags
    const key = keys[i]!;
    known.set(key, r.value.known);
    const title = cardTitle(r.value, lang);
    if (title) titles.set(key, title);
  });
  const data = groupPageCitations(mentions, known);
  count.textContent = `(${data.total})`;
  renderPageList(groups, data, {
    title: (key) => titles.get(key),
    name: (key) => keyLabel(key, t),
    jump: (index) => void sendToTab(tabId, 'highlightMention', { index }),
    trace: (row) => trace(row.key),
    labels: {
      kind: kindHeading,
      unresolved: t('popupUnresolved'),
      jump: (name, i, n) => t('popupJump', [name, String(i), String(n)]),
      times: (n) => t('popupTimes', String(n)),
      trace: t('popupTrace'),
      traceKey: (name) => t('popupTraceKey', name),
    },
  });
  document.body.dataset.page = 'listed';
  return reply.value.url;
}

async function siteSwitch(
  url: string | undefined,
  tabId: number | undefined,
  refresh: () => Promise<unknown>,
): Promise<void> {
  const site = await siteOf(url);
  if (!site) return;
  const { host, covered } = site;
  if (!covered) {
    const note = $<HTMLElement>('site-note');
    note.textContent = t('popupSiteNotCovered', host);
    note.hidden = false;
    return;
  }
  const label = $<HTMLElement>('site');
  const toggle = $<HTMLInputElement>('site-toggle');
  $('site-label').textContent = t('popupSiteOn', host);
  toggle.checked = site.on;
  label.hidden = false;
  toggle.addEventListener('change', async () => {
    const current = await loadSettings(browser.storage.sync);
    const next = toggle.checked ? withSiteOn(current, host) : withSiteOff(current, host);
    await saveSettings(browser.storage.sync, { disabledSites: next.disabledSites });
    // The page list follows: the off notice, or the page's citations once it is marked again.
    if (toggle.checked && tabId !== undefined) await waitForMarks(tabId);
    await refresh();
  });
}

void main();
