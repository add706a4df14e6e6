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
 * - Big pages are marked lazily: every block is scanned and its mentions listed ({@link PageScanner.pending}),
 *   but marks go into a block only when it comes near the viewport (IntersectionObserver). Inserting marks makes
 *   Chromium re-lay out the page, and on a big flat page that costs the same (tens of ms) whether one paragraph
 *   changed or a hundred: marking a 2 MB page eagerly meant a long re-layout after every slice.
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
  segmentAt,
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
 * Longest a change waits for the page to fall quiet: a page that mutates more often than the debounce (a
 * ticker, a clock) would otherwise keep its new content from ever being scanned.
 */
export const MUTATION_MAX_WAIT_MS = 1500;
/**
 * A document with more elements than this is marked lazily (near the viewport only). Below it a re-layout after
 * marking is a few ms and every mark goes in at once (a long UN resolution page has a few hundred elements); a
 * 2 MB page of paragraphs has ~12 000 and re-lays out in 15–40 ms per marking frame.
 */
export const LAZY_MIN_ELEMENTS = 4000;
/**
 * How far beyond the viewport a block gets its marks: a viewport and a half above and below, so marks are in
 * place before the block scrolls into view (IntersectionObserver root margin).
 */
export const LAZY_MARGIN = '150% 0px';

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

/** A mention found in a block that is not marked yet (lazy marking: the block is far from the viewport). */
export interface PendingMention extends Mention {
  /** The text node where the mention starts (for page order). */
  anchor: Text;
  block: Element;
  /** The deferred mention itself (what {@link PageScanner.markPending} looks up). */
  source: Mention;
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
  /**
   * Marking progress of a batch cut across slices (a block dense with citations): the mentions below `next`
   * are still to mark (marking goes last to first), and the lengths our own splits left the run's text nodes.
   */
  progress?: { next: number; lengths: Map<Text, number>; intact: boolean[] };
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

/** Scans and marks one document; `start()` once, `stop()` to detach. */
export class PageScanner {
  private readonly doc: Document;
  private readonly opts: ScannerOptions;
  /** The walk of the document, then the walks of the blocks the page changed (each resumable). */
  private readonly collectors: RunCollector[] = [];
  private readonly queue: TextRun[] = [];
  private readonly done = new WeakMap<Element, Set<string>>();
  private observer: MutationObserver | null = null;
  private pendingRoots = new Set<Node>();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not rescanned yet was seen (for {@link MUTATION_MAX_WAIT_MS}). */
  private changedSince: number | undefined;
  private scheduled = false;
  private stopped = false;
  private nextId = 1;
  /** Batches sent to the finder and not answered yet (chained: answers come back in document order). */
  private inflight = 0;
  private chain: Promise<unknown> = Promise.resolve();
  /** Finder results waiting to be applied in a slice. */
  private readonly ready: Batch[] = [];
  /** Batches being marked, the first one possibly part-way (see {@link Batch.progress}). */
  private readonly marking: Batch[] = [];
  /** Keys the page gives as its own identity (never marked). */
  private readonly ownKeys = new Set<string>();
  /** Every mention marked, in marking order. */
  readonly mentions: MarkedMention[] = [];
  /** Lazy mode: runs found but not marked yet, by block (run-relative mentions). */
  private readonly deferred = new Map<Element, { run: TextRun; found: Mention[] }[]>();
  /** Deferred blocks that came near the viewport: marked in the next slice. */
  private readonly due = new Set<Element>();
  private io: IntersectionObserver | null = null;
  /** Blocks observed whose first intersection report has not come yet (the scan is not idle before it). */
  private readonly unreported = new Set<Element>();
  private lazyMode: boolean | undefined;
  /** What each mention of a marked run became (for {@link markPending}). */
  private readonly markedFrom = new WeakMap<Mention, MarkedMention>();

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
      this.marking.length === 0 &&
      this.pendingRoots.size === 0 &&
      this.inflight === 0 &&
      this.ready.length === 0 &&
      this.due.size === 0 &&
      this.unreported.size === 0
    );
  }

  /** Stops scanning and observing (marks stay until `unwrapAll`). */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.io?.disconnect();
    this.io = null;
    this.deferred.clear();
    this.due.clear();
    this.unreported.clear();
    clearTimeout(this.debounce);
    this.changedSince = undefined;
    this.queue.length = 0;
    this.marking.length = 0;
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
    const marked: MarkedMention[] = [];
    try {
      while (!over()) {
        // A batch being marked goes on first: its text nodes are part-split.
        const current = this.marking[0];
        if (current) {
          if (this.apply(current, marked, over)) this.marking.shift();
          continue;
        }
        // Blocks near the viewport first: the user may be looking at them.
        const near = this.takeDue();
        if (near) {
          this.marking.push(...this.blockBatches(near));
          continue;
        }
        const done = this.ready.shift();
        if (done) {
          if (this.lazy()) this.defer(done);
          else this.marking.push(done);
          continue;
        }
        // Keep the finder busy while we mark: a few batches in flight hide the message round trips.
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
    } finally {
      // Our own wrapping queued mutation records; drop them so the observer never rescans our marks.
      this.observer?.takeRecords();
    }
    if (marked.length > 0) this.opts.onMarked?.(marked);
    const walking = this.collectors.length > 0 && this.queue.length < MAX_QUEUED_RUNS;
    if (
      this.marking.length > 0 ||
      this.ready.length > 0 ||
      this.due.size > 0 ||
      (this.inflight < MAX_INFLIGHT && this.queue.length > 0) ||
      walking
    ) {
      this.schedule();
    } else if (this.idle) this.opts.onIdle?.();
  }

  /**
   * True when marks go in lazily: decided once, on the document's size (a live collection's length is a
   * count, no layout).
   */
  private lazy(): boolean {
    if (this.lazyMode === undefined) {
      const view = this.doc.defaultView as (Window & typeof globalThis) | null;
      this.lazyMode =
        !!view?.IntersectionObserver && this.doc.getElementsByTagName('*').length > LAZY_MIN_ELEMENTS;
    }
    return this.lazyMode;
  }

  /** Keeps a finder answer for later: each run's mentions wait for its block to come near the viewport. */
  private defer({ runs, starts, found }: Batch): void {
    const per: Mention[][] = runs.map(() => []);
    let ri = 0;
    for (const m of found) {
      while (ri < runs.length - 1 && starts[ri + 1]! <= m.offset) ri++;
      const base = starts[ri]!;
      if (m.end - base > runs[ri]!.text.length) continue; // straddles two runs
      per[ri]!.push({ ...m, offset: m.offset - base, end: m.end - base });
    }
    if (!this.io) {
      const view = this.doc.defaultView as Window & typeof globalThis;
      this.io = new view.IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            this.unreported.delete(e.target);
            if (e.isIntersecting && this.deferred.has(e.target)) this.due.add(e.target);
          }
          if (this.due.size > 0) this.schedule();
          else if (this.idle) this.opts.onIdle?.();
        },
        { rootMargin: LAZY_MARGIN },
      );
    }
    runs.forEach((run, i) => {
      if (per[i]!.length === 0) return;
      const list = this.deferred.get(run.block);
      if (list) list.push({ run, found: per[i]! });
      else {
        this.deferred.set(run.block, [{ run, found: per[i]! }]);
        // The observer reports each new target once at first, so a block already near the viewport is marked
        // in the next slice.
        this.io!.observe(run.block);
        this.unreported.add(run.block);
      }
    });
  }

  private takeDue(): Element | undefined {
    for (const block of this.due) {
      this.due.delete(block);
      if (this.deferred.has(block)) return block;
    }
    return undefined;
  }

  /** A deferred block's runs as batches to mark (taken out of the deferred list). */
  private blockBatches(block: Element): Batch[] {
    const list = this.deferred.get(block);
    if (!list) return [];
    this.deferred.delete(block);
    this.unreported.delete(block);
    this.io?.unobserve(block);
    // Runs of one block own disjoint text nodes: wrapping one never moves another's.
    return list.map(({ run, found }) => ({ runs: [run], starts: [0], found }));
  }

  /**
   * The mentions found but not marked yet (lazy mode), by block, each block's in text order. The page's list of
   * citations is the marked ones plus these.
   */
  pending(): Map<Element, PendingMention[]> {
    const out = new Map<Element, PendingMention[]>();
    for (const [block, list] of this.deferred) {
      const ms: PendingMention[] = [];
      for (const { run, found } of list) {
        if (!this.intact(run)) continue;
        for (const m of found) {
          if (this.opts.kinds[m.kind] === false || this.ownKeys.has(m.key)) continue;
          const anchor = segmentAt(run, m.offset)?.node;
          if (anchor) ms.push({ ...m, anchor, block, source: m });
        }
      }
      if (ms.length > 0) out.set(block, ms);
    }
    return out;
  }

  /** Marks a pending mention's block at once (the user asked to see it) and returns the mention as marked. */
  markPending(p: PendingMention): MarkedMention | undefined {
    // The user is waiting for this one: marked at once, not sliced.
    const marked: MarkedMention[] = [];
    for (const b of this.blockBatches(p.block)) this.apply(b, marked, () => false);
    this.observer?.takeRecords();
    if (marked.length > 0) this.opts.onMarked?.(marked);
    return this.markedFrom.get(p.source);
  }

  /** True when the page has not changed the run's text nodes (`lengths`: what our own splits left them). */
  private intact(r: TextRun, lengths?: Map<Text, number>): boolean {
    return r.segments.every(
      (s) => !s.node || (s.node.isConnected && s.node.data.length === (lengths?.get(s.node) ?? s.length)),
    );
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
   * Marks a finder answer into `out`, until `over()` says the slice is used up; returns true when the batch is
   * done (else it resumes in the next slice, so a block dense with citations never holds the page). A run whose
   * text nodes the page changed is skipped (the observer queues it again); a mention that would straddle two
   * runs is dropped (a block boundary is never inside a citation).
   */
  private apply(batch: Batch, out: MarkedMention[], over: () => boolean): boolean {
    const { runs, starts, found } = batch;
    const own = this.ownKeys;
    // Resuming: runs that changed since the last slice (other than by our splits) are skipped from now on.
    const resumed = !!batch.progress;
    batch.progress ??= {
      next: found.length - 1,
      lengths: new Map(),
      intact: runs.map((r) => this.intact(r)),
    };
    const progress = batch.progress;
    if (resumed) {
      runs.forEach((r, i) => {
        if (progress.intact[i] && !this.intact(r, progress.lengths)) progress.intact[i] = false;
      });
    }
    const added: MarkedMention[] = [];
    // Last to first: splitting keeps earlier offsets valid (see wrap.ts).
    let ri = runs.length - 1;
    let i = progress.next;
    for (; i >= 0; i--) {
      // Checked every few mentions: a split of a big text node costs well under a millisecond.
      if ((i & 7) === 0 && i !== progress.next && over()) break;
      const m = found[i]!;
      if (this.opts.kinds[m.kind] === false || own.has(m.key)) continue;
      while (ri > 0 && starts[ri]! > m.offset) ri--;
      const run = runs[ri]!;
      const base = starts[ri]!;
      if (!progress.intact[ri] || m.end - base > run.text.length) continue;
      const id = `u${this.nextId++}`;
      const marks = wrapRange(run, m.offset - base, m.end - base, { id, key: m.key, kind: m.kind });
      if (marks.length > 0) {
        // wrapRange splits only the text nodes at the mention's two ends.
        for (const s of [segmentAt(run, m.offset - base), segmentAt(run, m.end - base, true)])
          if (s?.node) progress.lengths.set(s.node, s.node.data.length);
        const mm = { ...m, offset: m.offset - base, end: m.end - base, id, marks };
        this.markedFrom.set(m, mm);
        added.push(mm);
      }
    }
    progress.next = i;
    added.reverse();
    // `mentions` stays in marking order per batch; a resumed batch's earlier part comes first.
    this.mentions.push(...added);
    out.push(...added);
    return i < 0;
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
      // Editable regions, form controls, SVG …: a change there is the user's or the page's, never ours to mark.
      if (block && !block.closest(MARK_TAG.toLowerCase()) && !insideSkipped(block)) blocks.add(block);
    }
    this.pendingRoots.clear();
    this.changedSince = undefined;
    // A block inside another changed block is walked with it. Ancestors are looked up in the set (not every
    // pair compared): a page that adds ten thousand paragraphs at once must not cost a hundred million checks.
    const walks: RunCollector[] = [];
    for (const block of blocks) {
      let covered = false;
      for (let up = block.parentElement; up && !covered; up = up.parentElement) covered = blocks.has(up);
      // Walked in slices like the page itself (a changed block may be the whole body); before the rest of the
      // first walk, so what the user just saw appear is not queued behind a big page.
      if (!covered) walks.push(new RunCollector(block));
    }
    this.collectors.unshift(...walks);
    this.schedule();
  }
}
