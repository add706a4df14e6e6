/**
 * Scans a document for citations in idle-time slices and marks them (text-runs → finder → wrap).
 *
 * - Visible part first: the text under a grid of points in the viewport is scanned before the full walk.
 * - No slice runs longer than {@link SLICE_MS}: the walk is resumable and a huge run is fed to the finder in
 *   windows of {@link WINDOW_CHARS}, so no main-thread task comes near the 50 ms long-task line.
 * - Idempotent: a run whose text was already scanned is skipped, and a mention whose text is already inside a
 *   mark is not marked again.
 * - Dynamic pages: a MutationObserver, debounced, rescans only the changed blocks; the records our own wrapping
 *   causes are taken and dropped at the end of each slice, so the scanner never reacts to itself.
 */
import type { FindResult, Kind, Lang, Mention } from '../core/mention';
import {
  blockOf,
  CARD_HOST_TAG,
  collectRuns,
  insideSkipped,
  isInline,
  isSkipped,
  MARK_TAG,
  RunCollector,
  type TextRun,
} from './text-runs';
import { wrapRange } from './wrap';

/**
 * JavaScript time a scanning slice may use before yielding. Under the 50 ms long-task line with room for one
 * batch's overrun; not much smaller, because every slice that marks something costs the browser a relayout
 * afterwards, and on a 2 MB page that relayout (tens of ms) dominates: fewer, fuller slices finish sooner.
 */
export const SLICE_MS = 25;
/**
 * The finder sees at most this many characters at once: one worker message per batch (a window costs the worker
 * a few ms; a whole 2 MB run would not fit one message comfortably).
 */
export const WINDOW_CHARS = 16_000;
/** Overlap between windows, so a citation that straddles a window edge is still seen whole in one of them. */
export const WINDOW_OVERLAP = 400;
/** Quiet time after the last page mutation before rescanning (typing, streaming content, infinite scroll). */
export const MUTATION_DEBOUNCE_MS = 300;

/**
 * The finder as the scanner calls it (injected: the scanner does not know the grammar). Asynchronous because
 * the content script asks the worker, which runs the finder and the instrument gazetteer off the page's thread.
 */
export type Finder = (text: string, lang: Lang | undefined) => Promise<FindResult> | FindResult;

/** A mention as marked on the page. */
export interface MarkedMention extends Mention {
  id: string;
  marks: HTMLElement[];
}

/** Scanner options. */
export interface ScannerOptions {
  find: Finder;
  /** Which kinds to mark (the user's setting). */
  kinds: Record<Kind, boolean>;
  /** Called after each slice that marked something. */
  onMarked?(mentions: MarkedMention[]): void;
  /** Called when the scanner has nothing left to do (initial walk done, no pending changes). */
  onIdle?(): void;
  /** Language of the page when the page says so (`<html lang>`); runs in another script override it. */
  pageLang?: Lang;
}

type IdleDeadlineLike = { timeRemaining(): number };

/** A finder answer waiting to be marked. */
interface Batch {
  runs: TextRun[];
  starts: number[];
  found: Mention[];
}

/** Finder requests in flight at once. */
const MAX_INFLIGHT = 3;
/** How many collected runs may wait for the finder (bounded: each holds references to page nodes). */
const MAX_QUEUED_RUNS = 400;

/** Splits a long text into overlapping windows cut at a line or word break. */
export function windows(text: string, size = WINDOW_CHARS, overlap = WINDOW_OVERLAP): [number, number][] {
  if (text.length <= size) return [[0, text.length]];
  const out: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to);
      const sp = text.lastIndexOf(' ', to);
      const cut = nl > from + size / 2 ? nl : sp > from + size / 2 ? sp : to;
      to = cut;
    }
    out.push([from, to]);
    if (to >= text.length) break;
    const back = text.lastIndexOf(' ', to - overlap);
    from = back > from ? back + 1 : to;
  }
  return out;
}

/** The language a run is in when its script says so; otherwise the page's. */
export function runLang(text: string, pageLang: Lang | undefined): Lang | undefined {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (/[\u0600-\u06FF]/.test(sample)) return 'ar';
  if (/[\u4E00-\u9FFF]/.test(sample)) return 'zh';
  if (/[\u0400-\u04FF]/.test(sample)) return 'ru';
  if (pageLang === 'ar' || pageLang === 'zh' || pageLang === 'ru') return undefined;
  return pageLang;
}

/**
 * Finds the mentions of a text, window by window, without duplicates, sorted by offset. Keys the finder reports
 * as the document's own identity (masthead, title line) are added to `ownKeys`.
 */
export async function findInRun(
  text: string,
  find: Finder,
  lang: Lang | undefined,
  ownKeys?: Set<string>,
): Promise<Mention[]> {
  const wins = windows(text);
  const run = async (t: string) => {
    const r = await find(t, lang);
    if (ownKeys) {
      if (r.identity.key) ownKeys.add(r.identity.key);
      for (const s of r.identity.spans) ownKeys.add(s.key);
    }
    return r.mentions;
  };
  if (wins.length === 1) return run(text);
  const seen = new Map<number, Mention>();
  for (const [from, to] of wins) {
    for (const m of await run(text.slice(from, to))) {
      const offset = m.offset + from;
      const end = m.end + from;
      // A mention cut by the window's end reappears whole in the next window; keep the longest.
      const prev = seen.get(offset);
      if (!prev || end > prev.end) seen.set(offset, { ...m, offset, end });
    }
  }
  const sorted = [...seen.values()].sort((a, b) => a.offset - b.offset || b.end - a.end);
  const out: Mention[] = [];
  for (const m of sorted) if (!out.length || m.offset >= out[out.length - 1]!.end) out.push(m);
  return out;
}

/** Scans and marks one document; `start()` once, `stop()` to detach. */
export class PageScanner {
  private readonly doc: Document;
  private readonly opts: ScannerOptions;
  private collector: RunCollector | null = null;
  private readonly queue: TextRun[] = [];
  private readonly done = new WeakMap<Element, Set<string>>();
  private observer: MutationObserver | null = null;
  private pendingRoots = new Set<Node>();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private scheduled = false;
  private stopped = false;
  private nextId = 1;
  /** Batches sent to the finder and not answered yet (chained: answers come back in document order). */
  private inflight = 0;
  private chain: Promise<unknown> = Promise.resolve();
  /** Finder results waiting to be applied in a slice. */
  private readonly ready: Batch[] = [];
  /** Keys the page gives as its own identity (never marked). */
  private readonly ownKeys = new Set<string>();
  /** Every mention marked, in marking order. */
  readonly mentions: MarkedMention[] = [];

  constructor(doc: Document, opts: ScannerOptions) {
    this.doc = doc;
    this.opts = opts;
  }

  /** Starts: visible text first, then the whole document, then watches for changes. */
  start(): void {
    this.stopped = false;
    for (const run of this.visibleRuns()) this.queue.push(run);
    this.collector = new RunCollector(this.doc.body ?? this.doc.documentElement);
    this.observe();
    this.schedule();
  }

  /** True when the initial walk and every queued run are done. */
  get idle(): boolean {
    return (
      !!this.collector?.done &&
      this.queue.length === 0 &&
      this.pendingRoots.size === 0 &&
      this.inflight === 0 &&
      this.ready.length === 0
    );
  }

  /** Stops scanning and observing (marks stay until `unwrapAll`). */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.debounce);
    this.queue.length = 0;
  }

  private visibleRuns(): TextRun[] {
    const doc = this.doc;
    const view = doc.defaultView;
    // At the top of the page the walk reaches the visible part first anyway, and in document order, so the
    // finder sees the opening ("The General Assembly,", the masthead) before what depends on it.
    if (!view || view.scrollY < view.innerHeight) return [];
    const caret = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null })
      .caretRangeFromPoint;
    if (!view || typeof caret !== 'function') return [];
    const blocks = new Set<Element>();
    const w = view.innerWidth;
    const h = view.innerHeight;
    for (let y = 0.05; y < 1; y += 0.1) {
      for (let x = 0.1; x < 1; x += 0.2) {
        const node = caret.call(doc, w * x, h * y)?.startContainer;
        if (node?.nodeType !== Node.TEXT_NODE) continue;
        const block = blockOf(node);
        if (block && !blocks.has(block)) blocks.add(block);
      }
    }
    // Only the block's own runs: a visible block deep inside a huge container must not pull in the container.
    const runs: TextRun[] = [];
    const ordered = [...blocks].sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    for (const b of ordered) for (const r of collectRuns(b)) if (r.block === b) runs.push(r);
    return runs;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const view = this.doc.defaultView as (Window & typeof globalThis) | null;
    const run = (deadline?: IdleDeadlineLike) => {
      this.scheduled = false;
      this.slice(deadline);
    };
    if (view?.requestIdleCallback) view.requestIdleCallback(run, { timeout: 200 });
    else setTimeout(run, 0);
  }

  private slice(deadline?: IdleDeadlineLike): void {
    if (this.stopped) return;
    const t0 = performance.now();
    const budget = Math.min(SLICE_MS, Math.max(4, deadline?.timeRemaining() ?? SLICE_MS));
    const over = () => performance.now() - t0 > budget;
    const marked: MarkedMention[] = [];
    try {
      while (!over()) {
        const done = this.ready.shift();
        if (done) {
          marked.push(...this.apply(done));
          continue;
        }
        // Keep the finder busy while we mark: a few batches in flight hide the message round trips.
        if (this.inflight < MAX_INFLIGHT && this.queue.length > 0) {
          this.request(this.takeBatch());
          continue;
        }
        // Walk ahead while the finder works, but not far: runs hold node references.
        if (this.collector && !this.collector.done && this.queue.length < MAX_QUEUED_RUNS) {
          this.queue.push(...this.collector.next(over));
          continue;
        }
        break;
      }
    } finally {
      // Our own wrapping queued mutation records; drop them so the observer never rescans our marks.
      this.observer?.takeRecords();
    }
    if (marked.length > 0) this.opts.onMarked?.(marked);
    const walking = !!this.collector && !this.collector.done && this.queue.length < MAX_QUEUED_RUNS;
    if (this.ready.length > 0 || (this.inflight < MAX_INFLIGHT && this.queue.length > 0) || walking) {
      this.schedule();
    } else if (this.idle) this.opts.onIdle?.();
  }

  /** Runs up to one window of text: one finder call. */
  private takeBatch(): TextRun[] {
    const batch: TextRun[] = [];
    let size = 0;
    while (
      this.queue.length > 0 &&
      (batch.length === 0 || size + this.queue[0]!.text.length < WINDOW_CHARS)
    ) {
      const r = this.queue.shift()!;
      size += r.text.length;
      batch.push(r);
    }
    return batch;
  }

  /**
   * Sends several runs to the finder as one text (joined by line breaks) so that context carries across
   * paragraphs: the document's opener ("The General Assembly,") for "its resolution", and "Ibid." chains across
   * footnotes. The answer is applied in a later slice.
   */
  private request(runs: TextRun[]): void {
    const live = runs.filter((r) => this.fresh(r));
    if (live.length === 0) return;
    const starts: number[] = [];
    let text = '';
    for (const r of live) {
      starts.push(text.length);
      text += `${r.text}\n`;
    }
    this.inflight++;
    const lang = runLang(text, this.opts.pageLang);
    // Chained, so the identity learned from one batch (the masthead) is known before the next one is read.
    const answer = this.chain.then(() => findInRun(text, this.opts.find, lang, this.ownKeys));
    this.chain = answer.catch(() => undefined);
    answer
      .then(
        (found) => this.ready.push({ runs: live, starts, found }),
        () => {
          // The finder failed for this text (worker gone and no fallback): forget it so a later change retries.
          for (const r of live) this.done.get(r.block)?.delete(r.text);
        },
      )
      .finally(() => {
        this.inflight--;
        this.schedule();
      });
  }

  /** Drops runs already scanned (same block, same text) and marks the rest as scanned. */
  private fresh(run: TextRun): boolean {
    const seen = this.done.get(run.block);
    if (seen?.has(run.text)) return false;
    if (seen) seen.add(run.text);
    else this.done.set(run.block, new Set([run.text]));
    return run.block.isConnected;
  }

  /**
   * Marks a finder answer. A run whose text nodes changed while the finder worked is skipped (the observer
   * queues it again); a mention that would straddle two runs is dropped (a block boundary is never inside a
   * citation).
   */
  private apply({ runs, starts, found }: Batch): MarkedMention[] {
    const own = this.ownKeys;
    const intact = runs.map((r) =>
      r.segments.every((s) => !s.node || (s.node.isConnected && s.node.data.length === s.length)),
    );
    const out: MarkedMention[] = [];
    // Last to first: splitting keeps earlier offsets valid (see wrap.ts).
    let ri = runs.length - 1;
    for (let i = found.length - 1; i >= 0; i--) {
      const m = found[i]!;
      if (this.opts.kinds[m.kind] === false || own.has(m.key)) continue;
      while (ri > 0 && starts[ri]! > m.offset) ri--;
      const run = runs[ri]!;
      const base = starts[ri]!;
      if (!intact[ri] || m.end - base > run.text.length) continue;
      const id = `u${this.nextId++}`;
      const marks = wrapRange(run, m.offset - base, m.end - base, { id, key: m.key, kind: m.kind });
      if (marks.length > 0) out.push({ ...m, offset: m.offset - base, end: m.end - base, id, marks });
    }
    out.reverse();
    this.mentions.push(...out);
    return out;
  }

  private observe(): void {
    const view = this.doc.defaultView;
    if (!view) return;
    const mine = (n: Node) =>
      n.nodeType === Node.ELEMENT_NODE &&
      ((n as Element).tagName === MARK_TAG || (n as Element).tagName === CARD_HOST_TAG);
    this.observer = new view.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') {
          this.pendingRoots.add(r.target.parentNode ?? r.target);
          continue;
        }
        for (const n of r.addedNodes) {
          if (mine(n)) continue;
          if (n.nodeType === Node.ELEMENT_NODE && isSkipped(n as Element)) continue;
          this.pendingRoots.add(n.nodeType === Node.TEXT_NODE ? (n.parentNode ?? n) : n);
        }
      }
      if (this.pendingRoots.size === 0) return;
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.flushMutations(), MUTATION_DEBOUNCE_MS);
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private flushMutations(): void {
    const blocks = new Set<Element>();
    for (const root of this.pendingRoots) {
      if (!root.isConnected) continue;
      // Text added into an inline element belongs to the enclosing block's run: rescan that block.
      const block =
        root.nodeType === Node.ELEMENT_NODE && !isInline(root as Element) ? (root as Element) : blockOf(root);
      // Editable regions, form controls, SVG …: a change there is the user's or the page's, never ours to mark.
      if (block && !block.closest(MARK_TAG.toLowerCase()) && !insideSkipped(block)) blocks.add(block);
    }
    this.pendingRoots.clear();
    for (const block of blocks) {
      let covered = false;
      for (const other of blocks) if (other !== block && other.contains(block)) covered = true;
      if (!covered) this.queue.push(...collectRuns(block));
    }
    this.schedule();
  }
}
