/**
 * Renders the popup's "On this page" list (rows from {@link groupPageCitations}): per row a button that
 * scrolls the page to the key's next mention and highlights it, the title when the index has one, how many
 * times the page cites it, and a "Trace" button. Nodes and `textContent` only.
 */
import type { Kind } from '../core/mention';
import type { PageCitation, PageCitations } from './page-groups';

/** What the rows do and say. */
export interface PageListDeps {
  /** Title of a key, when known. */
  title(key: string): string | undefined;
  /** The reader's name of a key (a symbol, an instrument's name), never the index's key syntax. */
  name(key: string): string;
  /** Scrolls the page to mention `index` (page order) and highlights it. */
  jump(index: number): void;
  trace(row: PageCitation): void;
  labels: {
    kind(kind: Kind): string;
    unresolved: string;
    /** Accessible text of the jump button: `(name, i, n)` → "Show A/RES/73/195 on the page (1 of 3)". */
    jump(name: string, next: number, total: number): string;
    times(n: number): string;
    trace: string;
    traceKey(name: string): string;
  };
}

function row(item: PageCitation, deps: PageListDeps): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'page-row';
  li.dataset.key = item.key;
  li.dataset.kind = item.kind;
  let next = 0;
  const jump = document.createElement('button');
  jump.type = 'button';
  jump.className = 'jump';
  const name = deps.name(item.key);
  jump.textContent = name;
  const label = () => deps.labels.jump(name, next + 1, item.indices.length);
  jump.setAttribute('aria-label', label());
  jump.addEventListener('click', () => {
    // Each click goes to the next mention of the key, round the page.
    deps.jump(item.indices[next]!);
    next = (next + 1) % item.indices.length;
    jump.setAttribute('aria-label', label());
  });
  li.append(jump);
  const title = document.createElement('span');
  title.className = 'title';
  const text = deps.title(item.key) ?? '';
  title.textContent = text;
  title.title = text;
  // An English title in an Arabic popup keeps its own direction (and its ellipsis at its end).
  title.dir = 'auto';
  li.append(title);
  const times = document.createElement('span');
  times.className = 'times';
  times.textContent = deps.labels.times(item.indices.length);
  li.append(times);
  const trace = document.createElement('button');
  trace.type = 'button';
  trace.className = 'row-trace';
  trace.textContent = deps.labels.trace;
  trace.setAttribute('aria-label', deps.labels.traceKey(name));
  trace.addEventListener('click', () => deps.trace(item));
  li.append(trace);
  return li;
}

function group(heading: string, items: PageCitation[], deps: PageListDeps, className: string): HTMLElement {
  const div = document.createElement('div');
  div.className = `page-group ${className}`;
  const h = document.createElement('h3');
  h.textContent = `${heading} (${items.length})`;
  const ul = document.createElement('ul');
  ul.className = 'page-list';
  ul.setAttribute('aria-label', heading);
  for (const item of items) ul.append(row(item, deps));
  div.append(h, ul);
  return div;
}

/** Replaces `container`'s content with the grouped rows. */
export function renderPageList(container: HTMLElement, data: PageCitations, deps: PageListDeps): void {
  const parts: HTMLElement[] = data.groups.map((g) =>
    group(deps.labels.kind(g.kind), g.items, deps, `kind-${g.kind}`),
  );
  if (data.unresolved.length > 0)
    parts.push(group(deps.labels.unresolved, data.unresolved, deps, 'unresolved'));
  container.replaceChildren(...parts);
}
