/**
 * The trace view (Chrome side panel, Firefox sidebar, or an extension page): a citator for one citation.
 * It shows the item as its card; what it recalls, grouped by where the citations stand; what cites it;
 * its series over the years (previous and next resolution on the same subject); and where the current page
 * cites it, with buttons that scroll to and highlight each mention.
 *
 * What to trace comes from the URL (`?key=`, `?q=` selected text, `&tab=` the page it came from; see
 * `src/shared/trace-page.ts`); with neither key nor text it is the citation under the right-click, else the page's own
 * identity. An open panel follows a new request by itself: the worker sets the panel's path (Chrome
 * `sidePanel.setOptions`, Firefox `sidebarAction.setPanel`), which loads the view anew.
 */
import { keyLabel } from '../card/key-label';
import { buildCardModel, type Translate } from '../card/view-model';
import { findCitations } from '../core/find';
import { parseKey } from '../core/index/keys';
import type { Trace, TraceEdge } from '../core/index/types';
import type { Lang, Placement } from '../core/mention';
import { browser, t } from '../shared/browser';
import { cardTranslator } from '../shared/card-messages';
import { readerCardLang, readerLang } from '../shared/link-lang';
import { sendToTab, sendToWorker } from '../shared/messaging';
import { copyText, localize, subjectTab, uiDir } from '../shared/page-env';
import type { PageMention } from '../shared/protocol';
import { parseTraceParams, type TraceTarget, traceSearch } from '../shared/trace-page';
import { createCardSlot, lookupState, pageFreeInput } from '../ui/card-slot';
import { cardDate, cardTitle, cardTitleSource, localizeHits } from '../ui/card-title';
import { el } from '../ui/el';
import { errorText, searchLabels } from '../ui/labels';
import { plural } from '../ui/plural';
import { mountSearchBox } from '../ui/search-box';
import {
  groupRecalls,
  orderCitedBy,
  type PlacementCounts,
  placementCounts,
  type RowFacts,
  readSelection,
  seriesFacts,
  seriesPosition,
  seriesTitle,
  totalCitations,
} from './trace-model';

/** Rows shown before "Show all" in a long cited-by list (an old resolution may be cited hundreds of times). */
const FIRST_ROWS = 40;
/** Keys looked up for titles per view; the rest of a long list shows keys only. */
const TITLE_LOOKUPS = 160;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const PLACEMENT_MESSAGE: Record<Placement, string> = {
  preamble: 'tracePlacementPreamble',
  operative: 'tracePlacementOperative',
  footnote: 'tracePlacementFootnote',
  other: 'tracePlacementOther',
};

/** Titles and dates of keys, filled in as lookups come back. */
type Facts = Map<string, RowFacts>;

/** Link to the trace of `key` in this view (a real link: keyboard, middle-click and Back all work). */
function traceLink(key: string, tabId: number | undefined): HTMLAnchorElement {
  // The reader's name of the key (a symbol, or "ICPD Programme of Action" for an instrument), never the key.
  const a = el('a', 'trace-link', keyLabel(key, t));
  a.href = traceSearch({ key, ...(tabId === undefined ? {} : { tabId }) }) || '?';
  return a;
}

function edgeRow(edge: TraceEdge, tabId: number | undefined, showPlacements: boolean): HTMLLIElement {
  const li = el('li', 'edge');
  li.dataset.key = edge.key;
  li.dataset.count = String(edge.count);
  li.append(traceLink(edge.key, tabId));
  li.append(el('span', 'date'));
  if (showPlacements) {
    for (const p of edge.placements) {
      const b = el('span', `badge placement-${p}`, t(PLACEMENT_MESSAGE[p]));
      li.append(b);
    }
  }
  li.append(el('span', 'times', t('traceTimes', String(edge.count))));
  li.append(el('span', 'title'));
  return li;
}

function edgeList(
  edges: readonly TraceEdge[],
  tabId: number | undefined,
  showPlacements: boolean,
  label: string,
) {
  const ul = el('ul', 'edges');
  ul.setAttribute('aria-label', label);
  for (const e of edges) ul.append(edgeRow(e, tabId, showPlacements));
  return ul;
}

function placementSummary(counts: PlacementCounts): string {
  return (Object.keys(PLACEMENT_MESSAGE) as Placement[])
    .filter((p) => counts[p].documents > 0)
    .map((p) => t('tracePlacementCount', [t(PLACEMENT_MESSAGE[p]), String(counts[p].documents)]))
    .join(' · ');
}

/** Fills the title/date spans of every row of `root` from `facts`. */
function paintFacts(root: ParentNode, facts: Facts): void {
  for (const li of root.querySelectorAll<HTMLElement>('[data-key]')) {
    const f = facts.get(li.dataset.key!);
    if (!f) continue;
    const title = li.querySelector('.title');
    const date = li.querySelector('.date');
    if (title && f.title) title.textContent = f.title;
    if (date && f.date) date.textContent = f.date;
  }
}

async function lookupFacts(keys: string[], lang: Lang, facts: Facts): Promise<void> {
  const todo = [...new Set(keys)].filter((k) => !facts.has(k)).slice(0, TITLE_LOOKUPS);
  const replies = await Promise.all(todo.map((key) => sendToWorker('lookup', { key, lang })));
  replies.forEach((r, i) => {
    if (!r.ok) return;
    const title = cardTitle(r.value, lang);
    const date = cardDate(r.value);
    const source = cardTitleSource(r.value, lang);
    facts.set(todo[i]!, {
      ...(title ? { title } : {}),
      ...(date ? { date } : {}),
      ownTitle: source.own,
      ...(source.lang ? { titleLang: source.lang } : {}),
    });
  });
}

/** "12 documents, 30 citations", each number with its plural form. */
function docsAndCitations(edges: readonly TraceEdge[]): string {
  return t('traceDocsCitations', [
    plural(t, 'traceDocs', edges.length),
    plural(t, 'traceCitations', totalCitations(edges)),
  ]);
}

function renderRecalls(trace: Trace, tabId: number | undefined): void {
  const section = $('recalls');
  const body = section.querySelector<HTMLElement>('.body')!;
  section.querySelector('.count')!.textContent = `(${trace.counts.recalls})`;
  const summary = section.querySelector<HTMLElement>('.summary')!;
  if (trace.recalls.length === 0) {
    summary.textContent = t('traceRecallsNone');
    body.replaceChildren();
    return;
  }
  summary.textContent = `${docsAndCitations(trace.recalls)} — ${placementSummary(placementCounts(trace.recalls))}`;
  const parts: HTMLElement[] = [];
  for (const group of groupRecalls(trace.recalls)) {
    const div = el('div', `placement-group placement-${group.placement}`);
    const heading = t(PLACEMENT_MESSAGE[group.placement]);
    div.append(el('h3', undefined, `${heading} (${group.edges.length})`));
    div.append(edgeList(group.edges, tabId, true, heading));
    parts.push(div);
  }
  body.replaceChildren(...parts);
}

/** `onMore` runs after "Show all" added the rest of the rows (their titles are painted then). */
function renderCitedBy(trace: Trace, tabId: number | undefined, onMore: () => void): void {
  const section = $('cited-by');
  const body = section.querySelector<HTMLElement>('.body')!;
  section.querySelector('.count')!.textContent = `(${trace.counts.citedBy})`;
  const summary = section.querySelector<HTMLElement>('.summary')!;
  if (trace.citedBy.length === 0) {
    summary.textContent = t('traceCitedByNone');
    body.replaceChildren();
    return;
  }
  summary.textContent = `${docsAndCitations(trace.citedBy)} — ${placementSummary(placementCounts(trace.citedBy))}`;
  const ordered = orderCitedBy(trace.citedBy);
  const list = edgeList(ordered.slice(0, FIRST_ROWS), tabId, true, t('traceCitedBy'));
  body.replaceChildren(list);
  if (ordered.length > FIRST_ROWS) {
    const more = el('button', 'more', t('traceShowAll', String(ordered.length)));
    more.type = 'button';
    more.addEventListener('click', () => {
      for (const e of ordered.slice(FIRST_ROWS)) list.append(edgeRow(e, tabId, true));
      more.remove();
      // Focus the first row that was added, so a keyboard reader continues where the list grew.
      list.querySelectorAll('a')[FIRST_ROWS]?.focus();
      onMore();
    });
    body.append(more);
  }
}

function renderSeries(trace: Trace, tabId: number | undefined): void {
  const section = $('series');
  const body = section.querySelector<HTMLElement>('.body')!;
  const summary = section.querySelector<HTMLElement>('.summary')!;
  const series = trace.series;
  section.querySelector('.count')!.textContent = series ? `(${series.keys.length})` : '';
  if (!series || series.keys.length === 0) {
    summary.textContent = t('traceSeriesNone');
    body.replaceChildren();
    return;
  }
  summary.textContent = series.title;
  const pos = seriesPosition(series, trace.key);
  const nav = el('p', 'series-nav');
  if (pos.previous) {
    nav.append(el('span', undefined, `${t('traceSeriesPrevious')} `), traceLink(pos.previous, tabId));
    nav.lastElementChild?.setAttribute('rel', 'prev');
  }
  if (pos.next) {
    nav.append(el('span', undefined, `${t('traceSeriesNext')} `), traceLink(pos.next, tabId));
    nav.lastElementChild?.setAttribute('rel', 'next');
  }
  const ol = el('ol', 'edges series-list');
  ol.setAttribute('aria-label', series.title);
  for (const key of series.keys) {
    const li = el('li', 'edge');
    li.dataset.key = key;
    if (key === trace.key) {
      li.setAttribute('aria-current', 'true');
      li.append(el('strong', undefined, keyLabel(key, t)));
    } else li.append(traceLink(key, tabId));
    li.append(el('span', 'date'), el('span', 'title'));
    ol.append(li);
  }
  body.replaceChildren(...(nav.childElementCount > 0 ? [nav] : []), ol);
}

function renderOnPage(
  key: string,
  tabId: number,
  mentions: readonly PageMention[],
  selfKey: string | undefined,
) {
  const section = $('on-page');
  const mine = mentions.filter((m) => m.key === key);
  section.hidden = false;
  section.querySelector('.count')!.textContent = `(${mine.length})`;
  const summary = section.querySelector<HTMLElement>('.summary')!;
  const list = section.querySelector<HTMLOListElement>('.jumps')!;
  const notes: string[] = [];
  if (selfKey === key) notes.push(t('traceOnPageSelf'));
  if (mine.length > 0) notes.push(plural(t, 'traceOnPageCount', mine.length));
  else if (selfKey !== key) notes.push(t('traceOnPageNone'));
  summary.textContent = notes.join(' ');
  list.replaceChildren(
    ...mine.map((m, i) => {
      const li = el('li');
      const b = el('button', 'jump', m.surface);
      b.type = 'button';
      b.dataset.index = String(m.index);
      b.setAttribute('aria-label', t('traceJump', [m.surface, String(i + 1), String(mine.length)]));
      b.addEventListener('click', () => void sendToTab(tabId, 'highlightMention', { index: m.index }));
      li.append(b);
      return li;
    }),
  );
}

interface View {
  lang: Lang;
  /** The card's language (settings `cardLang`), and its translator. */
  cardLang: Lang;
  cardT: Translate;
  tabId: number | undefined;
  params: TraceTarget;
}

/** Shows the message line (and the search, prefilled) when there is nothing to trace. */
async function showNothing(
  message: string,
  search: { setQuery(q: string): Promise<void>; input: HTMLInputElement },
  prefill?: string,
) {
  $('trace-message').textContent = message;
  $('trace-item').hidden = true;
  search.input.focus();
  if (prefill) await search.setQuery(prefill);
  document.body.dataset.state = 'no-citation';
}

async function traceKey(key: string, view: View, others: string[] = []): Promise<void> {
  const { lang, tabId, cardLang } = view;
  document.body.dataset.key = key;
  document.title = `${keyLabel(key, t)} — ${t('traceViewTitle')} — ${t('extName')}`;
  $('trace-message').textContent = '';
  const nav = $('selection-keys');
  if (others.length > 1) {
    nav.replaceChildren(
      el('span', undefined, t('traceSelectionAlso')),
      ...others.filter((k) => k !== key).map((k) => traceLink(k, tabId)),
    );
    nav.hidden = false;
  }
  $('trace-item').hidden = false;

  // The item as its card (the hover card's renderer).
  const slot = createCardSlot($('item-card'), view.cardT);
  const kind = parseKey(key)?.kind ?? 'document';
  slot.show(pageFreeInput(key, kind, { status: 'loading' }, lang, cardLang));
  const cardShown = lookupState(key, lang).then((state) => {
    const k = state.status === 'ok' ? state.card.kind : kind;
    slot.show(pageFreeInput(key, k, state, lang, cardLang), { onCopy: (_format, text) => copyText(text) });
  });

  const [traced, page] = await Promise.all([
    sendToWorker('trace', { key }),
    tabId === undefined ? undefined : sendToTab(tabId, 'pageCitations', {}),
  ]);
  await cardShown;
  if (!traced.ok) {
    $('trace-message').textContent = errorText(traced.error);
    for (const id of ['recalls', 'cited-by', 'series']) $(id).hidden = true;
    document.body.dataset.state = 'error';
    return;
  }
  const trace = traced.value;
  const facts: Facts = new Map();
  const item = $('trace-item');
  renderRecalls(trace, tabId);
  renderCitedBy(trace, tabId, () => paintFacts(item, facts));
  renderSeries(trace, tabId);
  if (tabId !== undefined && page?.ok) {
    renderOnPage(trace.key, tabId, page.value.mentions, page.value.identity.key);
    // Lets the page mark the traced key's mentions (the content script decides how).
    void sendToTab(tabId, 'traceOpened', { key: trace.key });
  }
  document.body.dataset.state = 'traced';

  const keys = [
    ...(trace.series?.keys ?? []),
    ...trace.recalls.map((e) => e.key),
    ...orderCitedBy(trace.citedBy).map((e) => e.key),
  ];
  await lookupFacts(keys, lang, facts);
  paintFacts(item, facts);
  // A series member is named by the series' title wherever it is listed (recalls and cited-by too).
  if (trace.series) {
    paintFacts(item, seriesFacts(trace.series, facts, lang));
    const title = seriesTitle(trace.series, facts, lang);
    $('series').querySelector('.summary')!.textContent = title;
    $('series').querySelector('.series-list')?.setAttribute('aria-label', title);
  }
  document.body.dataset.facts = '1';
}

async function main(): Promise<void> {
  localize(document);
  document.title = `${t('traceViewTitle')} — ${t('extName')}`;
  document.documentElement.dir = uiDir();
  document.documentElement.lang = browser.i18n.getUILanguage();
  const params = parseTraceParams(location.search);
  const [lang, cardLang, tab] = await Promise.all([readerLang(), readerCardLang(), subjectTab(params.tabId)]);
  const view: View = { lang, cardLang, cardT: await cardTranslator(cardLang), tabId: tab?.id, params };
  const go = (p: TraceTarget) => {
    location.search = traceSearch({ ...p, ...(view.tabId === undefined ? {} : { tabId: view.tabId }) });
  };

  const search = mountSearchBox($('trace-search'), {
    labels: { ...searchLabels(), label: t('traceSearchLabel') },
    idPrefix: 'trace-search',
    search: async (query) =>
      localizeHits(await sendToWorker('search', { query, limit: 20, lang }), cardLang, (key) =>
        sendToWorker('lookup', { key, lang }),
      ),
    onActive: () => {},
    onOpen: (hit) => go({ key: hit.key }),
    onTrace: (hit) => go({ key: hit.key }),
    onCopy: (hit) => {
      void lookupState(hit.key, lang).then((state) => {
        const kind = state.status === 'ok' ? state.card.kind : (parseKey(hit.key)?.kind ?? 'document');
        return copyText(buildCardModel(pageFreeInput(hit.key, kind, state, lang, lang), t).citation.un);
      });
    },
  });

  if (params.key) {
    await traceKey(parseKey(params.key)?.key ?? params.key, view);
  } else if (params.query) {
    const reading = readSelection(params.query, (text) => findCitations(text));
    if (reading.key) await traceKey(reading.key, view, reading.keys);
    else await showNothing(t('traceNoCitation', params.query.slice(0, 200)), search, params.query);
  } else if (view.tabId !== undefined) {
    // "Trace citation" on an annotated citation (no selection, no link): the page knows which one it was.
    const under = await sendToTab(view.tabId, 'contextCitation', {});
    const page = under.ok && under.value.key ? undefined : await sendToTab(view.tabId, 'pageCitations', {});
    const key =
      under.ok && under.value.key ? under.value.key : page?.ok ? page.value.identity.key : undefined;
    if (key) await traceKey(key, view);
    else await showNothing(t('tracePageNoIdentity'), search);
  } else {
    await showNothing(t('traceNothing'), search);
  }
  document.body.dataset.ready = '1';
}

void main();
