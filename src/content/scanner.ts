/**
 * Scans a document for citations in idle-time slices and draws them (text-runs → finder → page-marks.ts).
 *
 * - Visible part first: the text under a grid of points in the viewport is scanned before the full walk.
 * - No slice runs longer than {@link SLICE_MS}: the walk is resumable, a huge run is fed to the finder in
 *   windows of {@link WINDOW_CHARS} (cut by a bounded back-search, so windowing is linear), and a block dense with
 *   citations is drawn across slices. No main-thread task comes near the 50 ms long-task line.
 * - The page's DOM is never changed: a mention is a live Range over the page's text nodes, drawn as a CSS
 *   highlight, so drawing costs a repaint, never a re-layout, and every mention is drawn as soon as it is found.
 * - Idempotent: a run whose text was already scanned is skipped.
 * - Dynamic pages: a MutationObserver, debounced (with a maximum wait, for pages that never fall quiet), drops
 *   the mentions of each changed block and scans it again.
 */
import type { FindResult, Kind, Lang, Mention } from '../core/mention';
import type { SliceStats } from '../shared/protocol';
import type { PageMark } from './page-marks';
import {
  blockOf,
  CARD_HOST_TAG,
  collectRuns,
  insideSkipped,
  isInline,
  isSkipped,
  RunCollector,
  segmentAt,
  type TextRun,
} from './text-runs';

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
 * Longest a change waits for the page to fall quiet: a page that mutates more often than the debounce (a
 * ticker, a clock) would otherwise keep its new content from ever being scanned.
 */
export const MUTATION_MAX_WAIT_MS = 1500;
/**
 * The finder as the scanner calls it (injected: the scanner does not know the grammar). Asynchronous because
 * the content script asks the worker, which runs the finder and the instrument gazetteer off the page's thread.
 */
export type Finder = (text: string, lang: Lang | undefined) => Promise<FindResult> | FindResult;

/** Scanner options. */
export interface ScannerOptions {
  find: Finder;
  /** Which kinds to draw (the user's setting). */
  kinds: Record<Kind, boolean>;
  /** Called after each slice that found mentions, with them (their ranges made, not drawn yet). */
  onMarked?(mentions: PageMark[]): void;
  /**
   * The page changed under `root`: drop the mentions drawn there (none with `null`) and in blocks no longer in
   * the page, and return the blocks they were in (they are scanned again).
   */
  drop?(root: Node | null): Element[];
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
  /** Drawing progress of a batch cut across slices (a block dense with citations): the next mention to draw. */
  next?: number;
}

/** Finder requests in flight at once. */
const MAX_INFLIGHT = 3;
/** How many collected runs may wait for the finder (bounded: each holds references to page nodes). */
const MAX_QUEUED_RUNS = 400;

/**
 * The last index of `ch` in `text` within `[lo, hi]`, or -1. Bounded on purpose: `lastIndexOf` scans back to the
 * start of the string when the character is absent, which made windowing a 10 MB run without spaces quadratic.
 */
function lastIndexWithin(text: string, ch: string, hi: number, lo: number): number {
  for (let i = Math.min(hi, text.length - 1); i >= lo; i--) if (text[i] === ch) return i;
  return -1;
}

/**
 * Splits a long text into overlapping windows cut at a line or word break. Linear in the text's length: each
 * back-search for a break looks at no more than half a window.
 */
export function windows(text: string, size = WINDOW_CHARS, overlap = WINDOW_OVERLAP): [number, number][] {
  return [...windowsOf(text, size, overlap)];
}

/** {@link windows} one at a time (the finder is called window by window, so they need not exist at once). */
function* windowsOf(text: string, size: number, overlap: number): Generator<[number, number]> {
  if (text.length <= size) {
    yield [0, text.length];
    return;
  }
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    if (to < text.length) {
      const floor = from + Math.floor(size / 2) + 1;
      const nl = lastIndexWithin(text, '\n', to, floor);
      const sp = nl < 0 ? lastIndexWithin(text, ' ', to, floor) : -1;
      to = nl >= 0 ? nl : sp >= 0 ? sp : to;
    }
    yield [from, to];
    if (to >= text.length) break;
    const back = lastIndexWithin(text, ' ', to - overlap, from + 1);
    from = back > from ? back + 1 : to;
  }
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
  const run = async (t: string) => {
    const r = await find(t, lang);
    if (ownKeys) {
      if (r.identity.key) ownKeys.add(r.identity.key);
      for (const s of r.identity.spans) ownKeys.add(s.key);
    }
    return r.mentions;
  };
  if (text.length <= WINDOW_CHARS) return run(text);
  const seen = new Map<number, Mention>();
  for (const [from, to] of windowsOf(text, WINDOW_CHARS, WINDOW_OVERLAP)) {
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

/** Scans one document and hands its mentions over to be drawn; `start()` once, `stop()` to detach. */
export class PageScanner {
  private readonly doc: Document;
  private readonly opts: ScannerOptions;
  /** The walk of the document, then the walks of the blocks the page changed (each resumable). */
  private readonly collectors: RunCollector[] = [];
  private readonly queue: TextRun[] = [];
  private readonly done = new WeakMap<Element, Set<string>>();
  private observer: MutationObserver | null = null;
  private pendingRoots = new Set<Node>();
  /** Nodes were removed somewhere: mentions in blocks no longer in the page are to be dropped. */
  private removed = false;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not rescanned yet was seen (for {@link MUTATION_MAX_WAIT_MS}). */
  private changedSince: number | undefined;
  private scheduled = false;
  private stopped = false;
  private nextId = 1;
  /** Batches sent to the finder and not answered yet (chained: answers come back in document order). */
  private inflight = 0;
  private chain: Promise<unknown> = Promise.resolve();
  /** Finder results waiting to be drawn, the first one possibly part-way (see {@link Batch.next}). */
  private readonly ready: Batch[] = [];
  /** Keys the page gives as its own identity (never drawn). */
  private readonly ownKeys = new Set<string>();
  private sliceCount = 0;
  private longestSlice = 0;

  constructor(doc: Document, opts: ScannerOptions) {
    this.doc = doc;
    this.opts = opts;
  }

  /** Starts: visible text first, then the whole document, then watches for changes. */
  start(): void {
    this.stopped = false;
    for (const run of this.visibleRuns()) this.queue.push(run);
    this.collectors.push(new RunCollector(this.doc.body ?? this.doc.documentElement));
    this.observe();
    this.schedule();
  }

  /** True when the initial walk and every queued run are done. */
  get idle(): boolean {
    return (
      this.collectors.length === 0 &&
      this.queue.length === 0 &&
      this.pendingRoots.size === 0 &&
      this.inflight === 0 &&
      this.ready.length === 0
    );
  }

  /** Slices run and the longest of them, by the scanner's own clock. */
  get sliceStats(): SliceStats {
    return { slices: this.sliceCount, longestSliceMs: this.longestSlice };
  }

  /** Stops scanning and observing (what was drawn stays until its owner removes it). */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.debounce);
    this.changedSince = undefined;
    this.queue.length = 0;
    this.ready.length = 0;
    this.collectors.length = 0;
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
    const found: PageMark[] = [];
    while (!over()) {
      const current = this.ready[0];
      if (current) {
        if (this.apply(current, found, over)) this.ready.shift();
        continue;
      }
      // Keep the finder busy: a few batches in flight hide the message round trips.
      if (this.inflight < MAX_INFLIGHT && this.queue.length > 0) {
        this.request(this.takeBatch());
        continue;
      }
      // Walk ahead while the finder works, but not far: runs hold node references.
      const walk = this.collectors[0];
      if (walk && this.queue.length < MAX_QUEUED_RUNS) {
        this.queue.push(...walk.next(over));
        if (walk.done) this.collectors.shift();
        continue;
      }
      break;
    }
    if (found.length > 0) this.opts.onMarked?.(found);
    // The slice's own time, up to here: what follows only schedules the next slice.
    this.sliceCount++;
    this.longestSlice = Math.max(this.longestSlice, performance.now() - t0);
    const walking = this.collectors.length > 0 && this.queue.length < MAX_QUEUED_RUNS;
    if (this.ready.length > 0 || (this.inflight < MAX_INFLIGHT && this.queue.length > 0) || walking) {
      this.schedule();
    } else if (this.idle) this.opts.onIdle?.();
  }

  /** True when the page has not changed the run's text nodes since it was read. */
  private intact(r: TextRun): boolean {
    return r.segments.every((s) => !s.node || (s.node.isConnected && s.node.data.length === s.length));
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
   * Makes the ranges of a finder answer into `out`, until `over()` says the slice is used up; returns true when
   * the batch is done (else it resumes in the next slice, so a block dense with citations never holds the page).
   * A run whose text nodes the page changed while the finder worked is skipped (the observer queues it again); a
   * mention that would straddle two runs is dropped (a block boundary is never inside a citation).
   */
  private apply(batch: Batch, out: PageMark[], over: () => boolean): boolean {
    const { runs, starts, found } = batch;
    const own = this.ownKeys;
    // Checked when the batch is taken up and at each resumption: the page may have changed it in between.
    const intact = runs.map((r) => this.intact(r));
    let ri = 0;
    let i = batch.next ?? 0;
    const first = i;
    for (; i < found.length; i++) {
      if ((i & 63) === 0 && i !== first) {
        // Handed over as they are made, so that the slice's clock counts the drawing side's work too (on a
        // paragraph dense with citations, thousands of mentions a slice: handed over at its end, they made it
        // 70–90 ms).
        if (out.length > 0) this.opts.onMarked?.(out.splice(0));
        if (over()) break;
      }
      const m = found[i]!;
      if (this.opts.kinds[m.kind] === false || own.has(m.key)) continue;
      while (ri < runs.length - 1 && starts[ri + 1]! <= m.offset) ri++;
      const run = runs[ri]!;
      const base = starts[ri]!;
      const from = m.offset - base;
      const to = m.end - base;
      if (!intact[ri] || to > run.text.length) continue;
      const a = segmentAt(run, from);
      const b = segmentAt(run, to, true);
      // A range that would start or end on a virtual line break (`<br>`) is not a citation of one line.
      if (!a?.node || !b?.node) continue;
      const range = this.doc.createRange();
      range.setStart(a.node, from - a.start);
      range.setEnd(b.node, to - b.start);
      out.push({ ...m, offset: from, end: to, id: `u${this.nextId++}`, range, block: run.block });
    }
    batch.next = i;
    return i >= found.length;
  }

  private observe(): void {
    const view = this.doc.defaultView;
    if (!view) return;
    // The extension's only node in the page: its UI host (the card, the navigator), outside <body>.
    const mine = (n: Node) => n.nodeType === Node.ELEMENT_NODE && (n as Element).tagName === CARD_HOST_TAG;
    this.observer = new view.MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') {
          this.pendingRoots.add(r.target.parentNode ?? r.target);
          continue;
        }
        // Removing text or an inline element changes the block's run: its mentions go and it is read again.
        // Removing a block only takes its own mentions away (dropped when the changes are flushed).
        for (const n of r.removedNodes) {
          if (mine(n)) continue;
          this.removed = true;
          if (n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && isInline(n as Element)))
            this.pendingRoots.add(r.target);
        }
        for (const n of r.addedNodes) {
          if (mine(n)) continue;
          if (n.nodeType === Node.ELEMENT_NODE && isSkipped(n as Element)) continue;
          this.pendingRoots.add(n.nodeType === Node.TEXT_NODE ? (n.parentNode ?? n) : n);
        }
      }
      if (this.pendingRoots.size === 0 && !this.removed) return;
      clearTimeout(this.debounce);
      // Debounced, but never past the maximum wait counted from the first change not rescanned yet.
      const now = performance.now();
      this.changedSince ??= now;
      const wait = Math.min(MUTATION_DEBOUNCE_MS, this.changedSince + MUTATION_MAX_WAIT_MS - now);
      this.debounce = setTimeout(() => this.flushMutations(), Math.max(0, wait));
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
      // Editable regions, form controls, SVG …: a change there is the user's or the page's, never ours to draw.
      if (block && !insideSkipped(block)) blocks.add(block);
    }
    this.pendingRoots.clear();
    this.changedSince = undefined;
    if (this.removed) {
      this.removed = false;
      for (const b of this.opts.drop?.(null) ?? []) this.done.delete(b);
    }
    // A block inside another changed block is walked with it. Ancestors are looked up in the set (not every
    // pair compared): a page that adds ten thousand paragraphs at once must not cost a hundred million checks.
    const walks: RunCollector[] = [];
    for (const block of blocks) {
      let covered = false;
      for (let up = block.parentElement; up && !covered; up = up.parentElement) covered = blocks.has(up);
      if (covered) continue;
      // Its mentions go (their ranges may now cover other text) and its text is read again, even if unchanged.
      this.done.delete(block);
      for (const b of this.opts.drop?.(block) ?? []) this.done.delete(b);
      // Walked in slices like the page itself (a changed block may be the whole body); before the rest of the
      // first walk, so what the user just saw appear is not queued behind a big page.
      walks.push(new RunCollector(block));
    }
    this.collectors.unshift(...walks);
    this.schedule();
  }
}
