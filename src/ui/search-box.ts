/**
 * The search box shared by the popup and the trace view: a WAI-ARIA combobox (a text field) driving a
 * listbox of results through `aria-activedescendant`, answering as the user types. Keys follow
 * {@link listKeyAction}; what "open", "trace" and "copy" do is up to the page.
 *
 * Built with DOM calls and `textContent` only: titles come from the index.
 */
import { listTitle } from '../card/library-title';
import type { SearchHit } from '../core/index/types';
import type { ProtocolError, Result } from '../shared/protocol';
import { el } from './el';
import { type ListAction, listKeyAction, targetIndex } from './keyboard';

/** Wait after the last keystroke before searching: one search per burst of typing, still "as you type". */
export const SEARCH_DEBOUNCE_MS = 60;
/** A search slower than this says so (the worker's first title search loads the text index). */
export const SLOW_SEARCH_MS = 300;

/** Texts the box shows (localized by the caller). */
export interface SearchBoxLabels {
  label: string;
  placeholder: string;
  listLabel: string;
  hint: string;
  /** `(n) => "3 results"`. */
  results(n: number): string;
  noResults(query: string): string;
  searching: string;
  error(error: ProtocolError): string;
  /** How a hit found by its key is marked (screen readers hear it with the row). */
  exactMatch: string;
  /** The reader's name of a hit's key (a symbol, an instrument's name), never the index's key syntax. */
  keyName(key: string): string;
}

/** What the page does with results. */
export interface SearchBoxDeps {
  search(query: string): Promise<Result<SearchHit[]>>;
  /** The active result changed (undefined: none); the page shows its card. */
  onActive(hit: SearchHit | undefined): void;
  onOpen(hit: SearchHit): void;
  onTrace(hit: SearchHit): void;
  onCopy(hit: SearchHit): void;
  /** The query text changed (after trimming); the popup hides its page list while a search is shown. */
  onQuery?(query: string): void;
  labels: SearchBoxLabels;
  /** Prefix of element ids, unique in the document. */
  idPrefix?: string;
}

/** The mounted box. */
export interface SearchBox {
  input: HTMLInputElement;
  list: HTMLUListElement;
  /** Sets the query (as if typed) and searches at once. */
  setQuery(query: string): Promise<void>;
  /** Current hits. */
  hits(): readonly SearchHit[];
  /** Index of the active hit, -1 when none. */
  active(): number;
  /** Settles when the latest search has been rendered (tests, and callers that prefill). */
  idle(): Promise<void>;
}

/** Builds the box inside `root` and wires it. */
export function mountSearchBox(root: HTMLElement, deps: SearchBoxDeps): SearchBox {
  const id = deps.idPrefix ?? 'search';
  const L = deps.labels;

  const label = el('label', 'search-label', L.label);
  label.htmlFor = `${id}-input`;
  const input = el('input', 'search-input');
  input.type = 'search';
  input.id = `${id}-input`;
  input.placeholder = L.placeholder;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', `${id}-list`);
  input.setAttribute('aria-describedby', `${id}-hint`);
  const hint = el('p', 'search-hint', L.hint);
  hint.id = `${id}-hint`;
  const status = el('p', 'search-status');
  status.id = `${id}-status`;
  status.setAttribute('role', 'status');
  const list = el('ul', 'search-results');
  list.id = `${id}-list`;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', L.listLabel);
  list.hidden = true;
  root.append(label, input, hint, status, list);

  let hits: SearchHit[] = [];
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Promise<void> = Promise.resolve();

  const optionId = (i: number) => `${id}-opt-${i}`;

  const setActive = (i: number, scroll = true) => {
    const prev = active >= 0 ? list.children[active] : undefined;
    prev?.setAttribute('aria-selected', 'false');
    active = i;
    const row = i >= 0 ? list.children[i] : undefined;
    if (row) {
      row.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', row.id);
      if (scroll) row.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
    deps.onActive(i >= 0 ? hits[i] : undefined);
  };

  const render = (query: string, result: Result<SearchHit[]>) => {
    list.replaceChildren();
    active = -1;
    input.removeAttribute('aria-activedescendant');
    hits = result.ok ? result.value : [];
    hits.forEach((hit, i) => {
      const li = el('li', 'result');
      li.id = optionId(i);
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.key = hit.key;
      const head = el('span', 'result-head');
      // A symbol and a title may run against the list's direction (an English title in an Arabic popup): each
      // is isolated and takes its own.
      head.append(el('bdi', 'result-key', L.keyName(hit.key)));
      if (hit.date) head.append(el('bdi', 'result-date', hit.date));
      if (hit.match === 'key') {
        const exact = el('span', 'result-exact', L.exactMatch);
        head.append(exact);
      }
      li.append(head);
      // A library's description of an untitled text stands in brackets, the library's mark for it.
      const text = listTitle({ key: hit.key, title: hit.title });
      if (text) {
        const title = el('span', 'result-title', text);
        title.dir = 'auto';
        li.append(title);
      }
      // Mouse: keep the focus in the field (the combobox owns it); a click makes the row active.
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => setActive(i, false));
      li.addEventListener('dblclick', () => deps.onOpen(hit));
      list.append(li);
    });
    const shown = query !== '' && (hits.length > 0 || !result.ok);
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (!result.ok) status.textContent = L.error(result.error);
    else if (query === '') status.textContent = '';
    else status.textContent = hits.length > 0 ? L.results(hits.length) : L.noResults(query);
    root.dataset.state = !shown && query !== '' ? 'empty' : shown ? 'results' : 'idle';
    // Which query the list answers (the field may already hold a newer one).
    root.dataset.query = query;
    // The first hit is shown at once: a key typed in full answers without a keystroke more.
    setActive(hits.length > 0 ? 0 : -1, false);
  };

  const run = (query: string): Promise<void> => {
    const mine = ++seq;
    deps.onQuery?.(query);
    if (!query) {
      render('', { ok: true, value: [] });
      return Promise.resolve();
    }
    root.dataset.state = 'searching';
    const slow = setTimeout(() => {
      if (mine === seq) status.textContent = L.searching;
    }, SLOW_SEARCH_MS);
    return deps.search(query).then((result) => {
      clearTimeout(slow);
      // A slower answer to an older query must not replace the answer to the newer one.
      if (mine === seq) render(query, result);
    });
  };

  input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    const query = input.value.trim();
    pending = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timer = undefined;
        run(query).then(resolve, resolve);
      }, SEARCH_DEBOUNCE_MS);
    });
  });

  input.addEventListener('keydown', (e) => {
    const hasSelection = input.selectionStart !== input.selectionEnd;
    const action: ListAction = listKeyAction(e, active, hits.length, hasSelection, input.value === '');
    if (action.type === 'none') return;
    e.preventDefault();
    if (action.type === 'clear') {
      input.value = '';
      if (timer) clearTimeout(timer);
      pending = run('');
      return;
    }
    if (action.type === 'move') {
      setActive(action.to);
      return;
    }
    const i = targetIndex(active, hits.length);
    const hit = hits[i];
    if (!hit) return;
    if (i !== active) setActive(i);
    if (action.type === 'open') deps.onOpen(hit);
    else if (action.type === 'trace') deps.onTrace(hit);
    else deps.onCopy(hit);
  });

  return {
    input,
    list,
    async setQuery(query) {
      input.value = query;
      if (timer) clearTimeout(timer);
      pending = run(query.trim());
      await pending;
    },
    hits: () => hits,
    active: () => active,
    idle: () => pending,
  };
}
