/**
 * PDF text items → the page's readable text, with an offset map back to the items.
 *
 * pdf.js gives a page as positioned text items (`getTextContent().items`: a string, a transform, a width), in
 * content-stream order. UN PDFs make that hard to read as text: lines end with hyphenated words and with symbols
 * broken at a slash or a dot ("FCCC/CP/2015/10/Add." + "1"); footnote markers are superscript digits glued to the
 * word they annotate ("Development¹"); footnotes sit at the page bottom; every page carries a running head (the
 * document's own symbol) and a footer with the job number and "page/pages" ("22-28767 3/24"). This module turns
 * the items into text the finder can scan: lines grouped by baseline, page furniture classified and left out,
 * superscript markers left out (recorded apart, so "70/1" + marker "1" never reads "70/11"), footnotes kept as
 * their own paragraphs after the body, lines joined with the right glue. Every character of the text that comes
 * from an item is mapped back to (item, index), so a mention found in the text maps back to spans of the text
 * layer. Pure: no pdf.js, no DOM (unit-tested in Node with item arrays). Reading order inside a line (Arabic
 * drawn left to right), presentation forms and the joins of Chinese text and cut symbols are line-order.ts's.
 */

import {
  bidiClassOf,
  cjkMeet,
  isRtlText,
  itemGap,
  type LinePiece,
  orderLine,
  readableChar,
  readableText,
  symbolContinues,
  unmirror,
} from './line-order';

/** The part of a pdf.js `TextItem` this module reads (pdf.js's own type is structurally compatible). */
export interface TextItemLike {
  str: string;
  /** [a, b, c, d, e, f]: font matrix × text matrix; e, f is the baseline origin in PDF units (y upwards). */
  transform: number[];
  width: number;
  height?: number;
  hasEOL?: boolean;
}

/** Where the characters of the built text come from: `text[start, start+length)` is `items[item].str[from, from+length)`. */
export interface Segment {
  start: number;
  item: number;
  from: number;
  length: number;
}

/** A character range inside one text item. */
export interface ItemRange {
  item: number;
  from: number;
  to: number;
}

/** What a line is on its page. */
export type LineRole = 'body' | 'footnote' | 'masthead' | 'running-head' | 'furniture';

/** One visual line: items sharing a baseline, in stream order. */
export interface Line {
  items: number[];
  /** Baseline of the line's main (largest) text. */
  y: number;
  x0: number;
  x1: number;
  /** Font size of the line's main text. */
  size: number;
  role: LineRole;
  /** Items of this line that are superscript footnote markers (left out of the text). */
  markers: number[];
  /** The footnote label item (first item of a footnote's first line), when there is one. */
  label?: number;
  /** Items drawn right to left whose brackets are mirrored glyphs (line-order.ts). */
  mirrored?: number[];
  /** The line reads right to left (its page does): it starts at the right margin. */
  rtl?: boolean;
  /** The line in reading order by pieces of items, when an item had to be cut (line-order.ts). */
  pieces?: LinePiece[];
}

/** A superscript marker in the body: where it stood in the text, and its label ("4", "*"). */
export interface Marker {
  label: string;
  /** Text offset just after the word it annotates. */
  at: number;
  item: number;
}

/** A footnote of the page: its label and its range in the text (label included). */
export interface Footnote {
  label: string;
  start: number;
  end: number;
}

/** The page as text. */
export interface PageText {
  text: string;
  segments: Segment[];
  /** `text.slice(0, bodyEnd)` is the body (masthead included on a first page); footnotes follow. */
  bodyEnd: number;
  footnotes: Footnote[];
  markers: Marker[];
  /**
   * Whether the body's first line opens a paragraph by its shape (a table row's label standing apart, "25/20" …
   * "The right to education", or a numbered paragraph): the page's body does not continue the previous page's
   * last line.
   */
  opensParagraph?: boolean;
  /** Masthead lines' text range (first page only), for identity. */
  masthead?: { start: number; end: number };
  /** The masthead symbol as printed ("A/RES/77/176", "S/RES/2223 (2015)"), first page only. */
  mastheadSymbol?: string;
  /** Running heads and footers left out of the text (running head, job number, page number, barcode). */
  furniture: { role: 'running-head' | 'furniture'; text: string; items: number[] }[];
  lines: Line[];
}

/** Options of {@link buildPageText}. */
export interface BuildOptions {
  /** Page height in PDF units (from `page.view`); bands of page furniture are measured against it. */
  pageHeight: number;
  /** 1-based page number; the masthead is looked for on page 1 only. */
  pageNumber: number;
  /** The document's own symbol when known (from page 1): a line that is only this symbol is a running head. */
  identity?: string;
}

const size = (it: TextItemLike): number =>
  Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) || it.height || 0;
const xOf = (it: TextItemLike): number => it.transform[4] ?? 0;
const yOf = (it: TextItemLike): number => it.transform[5] ?? 0;
const isBlank = (s: string): boolean => /^\s*$/.test(s);

// A UN document symbol as printed: organ or series letters, then slash-separated parts ("A/RES/77/176",
// "FCCC/CP/2015/10/Add.1", "E/CN.4/Sub.2/1994/10"), an optional Security Council year "(2015)" or a budget section
// with its part ("A/81/6 (Sect. 29C)/Part A", "A/80/6 (Sect. 3)"), and a reissue or footnote "*".
const SYMBOL_ANYWHERE =
  /[A-Z][A-Za-z]{0,7}(?:\.\d+)?(?:\/[A-Za-z0-9.()-]+)+(?: ?\((?:\d{4}|Sect\. ?\w+|Part \w+|Vol\. ?\w+)\)(?:\/Part \w+|\/[A-Za-z0-9.-]+)*)?\**/g;
const SYMBOL = new RegExp(`^(?:${SYMBOL_ANYWHERE.source})$`);

// Job numbers and barcodes printed on every UN document ("22-28767 (E)", "26-05268* (E)" of a reissue,
// "GE.15-21930(E)", "*2228767*", "K1606792"), the date code beside them ("030123"), page numbers ("3/24", "Page 3",
// "- 3 -").
const FURNITURE_TOKEN =
  /^(?:\d{2}-\d{5}\*?(?:\s?\([A-Z]\))?|GE\.\d{2}-\d{4,6}(?:\s?\([A-Z]\))?|\*\d{6,8}\*|K\d{7}|\([A-Z]\)|\d{6}|\d{1,4}\/\d{1,4}|\d{1,4}|Page|Pages|page|[-–—]|Please|recycle)$/;
const STRONG_FURNITURE = /^(?:\d{2}-\d{5}|GE\.\d{2}-|\*\d{6,8}\*|K\d{7}|\d{1,4}\/\d{1,4}$|Page$)/;

// Masthead words of UN Official Documents in the six languages.
const MASTHEAD_CUE =
  /United Nations|Nations Unies|Naciones Unidas|Организация Объединенных Наций|联合国|الأمم المتحدة|Distr\.|Original:|Генеральная Ассамблея|Assemblée générale|Asamblea General/;

/**
 * Normalizes a printed symbol for comparison and as a key: no space before a Security Council year
 * ("S/RES/2223(2015)"), no reissue "*"; a budget section keeps its printed form ("A/81/6 (Sect. 2)/Part A").
 */
export function normalizeSymbol(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ \((\d{4})\)/g, '($1)')
    .replace(/\*+$/, '');
}

/** Groups items into lines by baseline; superscripts and subscripts stay on their line. */
export function groupLines(items: readonly TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.str === '') continue;
    if (isBlank(it.str)) {
      // Spaces carry no reliable geometry (pdf.js sizes them 0 high); they belong where they stand.
      if (cur) cur.items.push(i);
      continue;
    }
    const s = size(it);
    const y = yOf(it);
    const x = xOf(it);
    let same = false;
    if (cur) {
      const dy = y - cur.y;
      const S = cur.size;
      if (s < 0.85 * S) same = dy >= -0.3 * S && dy <= 0.6 * S;
      else if (s > 1.15 * S) same = dy >= -0.6 * s && dy <= 0.3 * s;
      else same = Math.abs(dy) <= 0.3 * Math.max(s, S);
    }
    if (!cur || !same) {
      cur = { items: [i], y, x0: x, x1: x + it.width, size: s, role: 'body', markers: [] };
      lines.push(cur);
      continue;
    }
    cur.items.push(i);
    cur.x0 = Math.min(cur.x0, x);
    cur.x1 = Math.max(cur.x1, x + it.width);
    if (s > 1.15 * cur.size) {
      cur.y = y;
      cur.size = s;
    }
  }
  return lines;
}

/**
 * The line's text, with a space where its items stand apart: a footer's job number and page number are two items
 * far apart ("26-03928" … "2/27", or "9/72" drawn before "26-05086" to its left) with nothing between them, and
 * must read as two tokens.
 */
function lineText(items: readonly TextItemLike[], line: Line): string {
  let out = '';
  let last: TextItemLike | undefined;
  // A line with no right-to-left letter on a right-to-left page (the footer "*2053272*" … "20-53272 (A)", a running
  // head) reads as drawn, left to right: in reading order its tokens come apart ("53272-20", ")A(") and it would not
  // be known as furniture.
  const drawn =
    line.rtl && !line.items.some((i) => bidiClassOf(items[i]!.str) === 'R')
      ? [...line.items].sort((a, b) => xOf(items[a]!) - xOf(items[b]!))
      : line.items;
  for (const i of drawn) {
    const it = items[i]!;
    // A gap either way (a footer drawn right part first: "9/72" … then "26-05086" to its left); right-to-left
    // items that touch, each left of the one before, have none.
    if (!isBlank(it.str) && last && itemGap(last, it) > 0.25 * line.size) out += ' ';
    out += readableText(it.str);
    if (!isBlank(it.str)) last = it;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The most common font size on the page, weighted by characters: the body text size. */
function bodySize(items: readonly TextItemLike[], lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    for (const i of line.items) {
      const it = items[i]!;
      if (isBlank(it.str)) continue;
      const s = Math.round(size(it) * 2) / 2;
      weight.set(s, (weight.get(s) ?? 0) + it.str.length);
    }
  }
  let best = 0;
  let bestW = -1;
  for (const [s, w] of weight) {
    if (w > bestW) {
      best = s;
      bestW = w;
    }
  }
  return best;
}

function isFurniture(text: string, identity: string | undefined): 'running-head' | 'furniture' | undefined {
  let rest = text;
  let role: 'running-head' | 'furniture' | undefined;
  if (identity) {
    const id = normalizeSymbol(identity);
    const norm = normalizeSymbol(text);
    if (norm.includes(id)) {
      rest = norm.replace(id, ' ');
      role = 'running-head';
    }
  }
  const tokens = rest.split(/\s+/).filter(Boolean);
  if (!tokens.every((t) => FURNITURE_TOKEN.test(t))) return undefined;
  if (role) return role;
  return tokens.some((t) => STRONG_FURNITURE.test(t)) ? 'furniture' : undefined;
}

/**
 * Furniture drawn turned a quarter along the side of a landscape page (an annex chart or table in a portrait
 * report: "A/80/611" and "68/79" up one edge, "26-01253" at the foot of another): a line whose text all runs
 * up or down the page, made only of furniture tokens and a symbol.
 */
function markTurnedFurniture(
  items: readonly TextItemLike[],
  lines: Line[],
  texts: readonly string[],
  identity: string | undefined,
): void {
  const turned = (i: number) => {
    const [a = 0, b = 0, , d = 0] = items[i]!.transform;
    return Math.abs(a) < 0.01 && Math.abs(d) < 0.01 && Math.abs(b) > 0.01;
  };
  lines.forEach((line, k) => {
    if (line.role !== 'body') return;
    const drawn = line.items.filter((i) => !isBlank(items[i]!.str));
    if (drawn.length === 0 || !drawn.every(turned)) return;
    const f = isFurniture(texts[k]!, identity);
    if (f) line.role = f;
    else if (symbolHead(texts[k]!)) line.role = 'running-head';
  });
}

/** Whether the text is a document symbol with page furniture only beside it ("A/80/611 68/79"). */
function symbolHead(text: string): boolean {
  const tokens = text.split(/\s+/).filter(Boolean);
  const rest = tokens.filter((t) => !(SYMBOL.test(t) && /\d/.test(t)));
  return rest.length < tokens.length && rest.every((t) => FURNITURE_TOKEN.test(t));
}

/**
 * A footer known by its place and shape: the bottom line of the page, in the bottom tenth, apart from the line
 * above, in print no larger than the body, split by a wide gap and ending with a page number (a browser's print
 * footer: the address … "1/3"). A footnote at the page bottom has no such gap.
 */
function markPrintFooter(
  items: readonly TextItemLike[],
  lines: Line[],
  texts: readonly string[],
  byY: readonly number[],
  H: number,
): void {
  // A page whose footer its tokens gave (job number, "3/24") has no other.
  if (lines.some((l) => l.role === 'furniture' && l.y <= H * 0.12)) return;
  const k = byY.findIndex((i) => lines[i]!.role === 'body');
  if (k < 0) return;
  const line = lines[byY[k]!]!;
  if (line.y > H * 0.1) return;
  const above = byY[k + 1] === undefined ? undefined : lines[byY[k + 1]!];
  if (above && above.y - line.y - 0.8 * line.size < 1.5 * line.size) return;
  if (line.size > 1.05 * bodySize(items, lines) || !hasWideGap(items, line)) return;
  if (/(?:^|\s)\d{1,4}(?:\/\d{1,4})?$/.test(texts[byY[k]!]!)) line.role = 'furniture';
}

/**
 * The masthead of page 1, by its place and shape: the block of lines at the very top of the page, each with a
 * masthead cue (organ, "United Nations", the symbol, "Distr.", "Original:") or the date after one, each close
 * below the one before, and each shaped as a masthead line is: larger than the body text, split by a wide gap into
 * columns ("United Nations … A/80/590"), or short. It ends at the first line that is not: a justified body line
 * near the top that names "Nations Unies" or the "Assemblée générale" ("… Nations Unies, Recueil des Traités, vol.
 * …") stays body.
 */
function markMasthead(
  items: readonly TextItemLike[],
  lines: Line[],
  texts: readonly string[],
  topDown: readonly number[],
  H: number,
): void {
  const body = bodySize(items, lines);
  const left = Math.min(...lines.map((l) => l.x0));
  const width = Math.max(...lines.map((l) => l.x1)) - left;
  let prev: Line | undefined;
  for (const i of topDown) {
    const line = lines[i]!;
    if (line.role !== 'body') continue;
    if (line.y < H * 0.75) return;
    if (prev && prev.y - line.y > 3 * Math.max(prev.size, line.size)) return;
    const shaped = line.size > 1.15 * body || hasWideGap(items, line) || line.x1 - line.x0 < 0.5 * width;
    if (!shaped) return;
    const text = texts[i]!;
    const cue = MASTHEAD_CUE.test(text) || symbolRun(text);
    if (!cue && !(prev && text.length <= 40 && /\d{4}/.test(text))) return;
    line.role = 'masthead';
    prev = line;
  }
}

/** Whether a gap of three of the line's heights splits it (a blank item that wide, or empty space between items). */
function hasWideGap(items: readonly TextItemLike[], line: Line): boolean {
  return (
    line.items.some((i) => isBlank(items[i]!.str) && items[i]!.width > 3 * line.size) ||
    wideGaps(items, line).length > 0
  );
}

/**
 * The stretches of the line wider than three of its heights that no drawn item covers, left to right. They are
 * measured where the items stand, not between items in reading order: a right-to-left line read into a number or
 * a symbol jumps from its right end to its left one ("(10)" … "A/56/1026-S/2002/932") with no space between.
 */
function wideGaps(items: readonly TextItemLike[], line: Line): [number, number][] {
  const spans = line.items
    .filter((i) => !isBlank(items[i]!.str))
    .map((i) => [xOf(items[i]!), xOf(items[i]!) + items[i]!.width] as const)
    .sort((a, b) => a[0] - b[0]);
  const gaps: [number, number][] = [];
  let right: number | undefined;
  for (const [x0, x1] of spans) {
    if (right !== undefined && x0 - right > 3 * line.size) gaps.push([right, x0]);
    right = right === undefined ? x1 : Math.max(right, x1);
  }
  return gaps;
}

/** Whether one of `gaps` lies between items `a` and `b` on the page. */
function acrossGap(gaps: readonly [number, number][], a: TextItemLike, b: TextItemLike): boolean {
  const lo = Math.min(xOf(a) + a.width, xOf(b) + b.width);
  const hi = Math.max(xOf(a), xOf(b));
  return gaps.some(([g0, g1]) => g0 >= lo - 0.01 && g1 <= hi + 0.01);
}

/** Whether the line holds a document symbol standing alone between wider spaces ("United Nations   A/80/590"). */
function symbolRun(text: string): boolean {
  return text.split(/\s{2,}| (?=[A-Z]+\/)/).some((part) => SYMBOL.test(part.trim()) && /\d/.test(part));
}

/**
 * A running head known by its place and shape, not its words: the topmost line of a later page, in the top tenth,
 * on its own (white space of one and a half of its heights below it), short, and either symbol-shaped ("A/80/590", a
 * document whose page 1 has no masthead) or no larger than the body text ("Section 24 Human rights",
 * "Part VI Human rights and humanitarian affairs", a browser's print header).
 */
function markRunningHead(
  items: readonly TextItemLike[],
  lines: Line[],
  texts: readonly string[],
  topDown: readonly number[],
  H: number,
  firstPage: boolean,
): void {
  // One running head a page: none when the document's symbol already gave it.
  if (lines.some((l) => l.role === 'running-head')) return;
  const k = topDown.findIndex((i) => lines[i]!.role === 'body');
  if (k < 0) return;
  const line = lines[topDown[k]!]!;
  if (line.y < H * 0.9) return;
  const next = topDown[k + 1] === undefined ? undefined : lines[topDown[k + 1]!];
  // White space between its baseline and the top of the next line's letters: one and a half of its heights.
  if (next && line.y - next.y - 0.8 * next.size < 1.5 * line.size) return;
  const text = texts[topDown[k]!]!;
  const body = bodySize(items, lines);
  if (firstPage) {
    // Above page 1's masthead only small print is furniture (a browser's print header: date, title, address).
    if (line.size < 0.95 * body && !MASTHEAD_CUE.test(text) && !SYMBOL.test(text)) line.role = 'running-head';
    return;
  }
  if (SYMBOL.test(text)) {
    line.role = 'running-head';
    return;
  }
  if (text.length <= 160 && line.size <= 1.05 * body) line.role = 'running-head';
}

/** The document's own symbol as its running heads print it (a symbol-shaped running head), if the page has one. */
export function runningSymbol(page: PageText): string | undefined {
  return page.furniture.find((f) => f.role === 'running-head' && SYMBOL.test(f.text))?.text;
}

// Arabic texts put markers in parentheses ("(1)"), which a PDF may draw as items of their own.
const MARKER_TEXT = /^\s*(?:\(?(?:\d{1,3}|\*{1,3}|\d{1,3}(?:,\s?\d{1,3})+)\)?|[()])\s*$/;
const MARKER_BRACKET = /^\s*[()]\s*$/;
const LABEL_TEXT = /^\s*(?:\d{1,3}\/?|\*{1,3}|[a-z])\s*$/;

/**
 * Classifies each line: masthead (page 1 top), running head and furniture (page top and bottom bands), footnote
 * (smaller text at the page bottom starting with a label), body; marks superscript markers.
 */
export function classifyLines(items: readonly TextItemLike[], lines: Line[], opts: BuildOptions): void {
  const H = opts.pageHeight;
  const texts = lines.map((l) => lineText(items, l));
  // Furniture: from the top down and from the bottom up, while lines in the outer bands look like furniture.
  // In y order, not stream order: a PDF may draw its header and footer before or after the body.
  const byY = lines.map((_, i) => i).sort((a, b) => lines[a]!.y - lines[b]!.y);
  const topDown = [...byY].reverse();
  for (const i of topDown) {
    const line = lines[i]!;
    if (line.y < H * 0.88) break;
    const f = isFurniture(texts[i]!, opts.identity);
    if (!f) break;
    line.role = f;
  }
  for (const i of byY) {
    const line = lines[i]!;
    if (line.y > H * 0.12) break;
    const f = isFurniture(texts[i]!, opts.identity);
    if (!f) break;
    line.role = f;
  }
  markTurnedFurniture(items, lines, texts, opts.identity);
  markRunningHead(items, lines, texts, topDown, H, opts.pageNumber === 1);
  markPrintFooter(items, lines, texts, byY, H);
  if (opts.pageNumber === 1) markMasthead(items, lines, texts, topDown, H);
  const body = bodySize(
    items,
    lines.filter((l) => l.role === 'body'),
  );
  // Superscript markers: small, raised, digits or asterisks.
  for (const line of lines) {
    if (line.role !== 'body') continue;
    line.items.forEach((i, k) => {
      const it = items[i]!;
      if (isBlank(it.str) || !MARKER_TEXT.test(it.str)) return;
      const raised = yOf(it) - line.y > 0.15 * line.size;
      if (size(it) < 0.85 * line.size && raised && k > 0) line.markers.push(i);
    });
  }
  // Footnotes: the run of smaller-than-body lines at the bottom of the body, whose first line has a label.
  const bodyLines = lines.filter((l) => l.role === 'body').sort((a, b) => b.y - a.y);
  let firstNote = -1;
  for (let k = bodyLines.length - 1; k >= 0; k--) {
    const line = bodyLines[k]!;
    // UN footnotes are 8-9 pt under 10 pt body text.
    if (line.size >= 0.95 * body) break;
    if (labelOf(items, line) !== undefined) firstNote = k;
  }
  if (firstNote >= 0) {
    for (let k = firstNote; k < bodyLines.length; k++) {
      const line = bodyLines[k]!;
      line.role = 'footnote';
      line.markers = [];
      line.label = labelOf(items, line);
    }
  }
}

/** The item that is a footnote's label at the start of `line` (a small raised number, or a number and a gap). */
function labelOf(items: readonly TextItemLike[], line: Line): number | undefined {
  const first = line.items.find((i) => !isBlank(items[i]!.str));
  if (first === undefined) return undefined;
  const it = items[first]!;
  if (!LABEL_TEXT.test(it.str)) return undefined;
  // The next item in reading order (a right-to-left line's label is its rightmost item).
  const next = line.items.slice(line.items.indexOf(first) + 1).find((i) => !isBlank(items[i]!.str));
  if (next === undefined) return undefined;
  const n = items[next]!;
  const small = size(it) < 0.9 * size(n) || yOf(it) - yOf(n) > 0.15 * size(n);
  const gap = itemGap(it, n) > 0.4 * size(n);
  return small || gap ? first : undefined;
}

/** Builds text with its segment map; every appended character is either from an item or synthetic glue. */
class TextBuilder {
  text = '';
  segments: Segment[] = [];

  /** Appends `items[item].str[from, to)`, collapsing runs of whitespace. */
  item(
    items: readonly TextItemLike[],
    item: number,
    from = 0,
    to = items[item]!.str.length,
    mirrored = false,
  ): void {
    const str = items[item]!.str;
    for (let k = from; k < to; k++) {
      const printed = mirrored ? unmirror(str[k]!) : str[k]!;
      // An Arabic presentation form reads as its letters ("ﻻ" → "لا"): the first maps to the glyph, the rest is glue.
      const readable = readableChar(printed);
      const ch = readable[0]!;
      if (/\s/.test(ch)) {
        if (this.text === '' || /\s$/.test(this.text)) continue;
        this.glue(' ');
        continue;
      }
      const last = this.segments.at(-1);
      if (
        last &&
        last.item === item &&
        last.from + last.length === k &&
        last.start + last.length === this.text.length
      ) {
        last.length++;
      } else {
        this.segments.push({ start: this.text.length, item, from: k, length: 1 });
      }
      this.text += ch;
      if (readable.length > 1) this.glue(readable.slice(1));
    }
  }

  glue(s: string): void {
    this.text += s;
  }

  /** Removes trailing synthetic whitespace (never mapped characters). */
  trimEnd(): void {
    const last = this.segments.at(-1);
    const mappedEnd = last ? last.start + last.length : 0;
    while (this.text.length > mappedEnd && /\s$/.test(this.text)) this.text = this.text.slice(0, -1);
  }
}

// A token that is a UN symbol cut at a line end: it has a slash and ends with "/", with letters and a dot
// ("Add.", "CN.", "CP.") or with a hyphen in a combined report ("CEDAW/C/EST/1-").
const SYMBOL_CUT =
  /[A-Z][A-Za-z0-9.()]*\/(?:[A-Za-z0-9.()-]*\/)*(?:[A-Za-z0-9.()-]*\/|[A-Za-z]{1,5}\.|[A-Za-z0-9.]*-)$/;
const SYMBOL_HEAD_ONLY = /(?:^|[\s(])[A-Z]{2,8}$/;

/** How two lines of one paragraph join: `''` (a cut symbol, a hyphenated word) or `' '`; `dropHyphen` removes the line-end hyphen. */
export function lineGlue(before: string, after: string): { glue: '' | ' '; dropHyphen: boolean } {
  const a = before.replace(/\s+$/, '');
  const b = after.replace(/^\s+/, '');
  if (/\u00ad$/.test(a)) return { glue: '', dropHyphen: true };
  if (symbolContinues(a, b)) return { glue: '', dropHyphen: false };
  // Chinese and Japanese lines join without a space ("执行第1325(2000)号" + "决议").
  if (cjkMeet(a, b)) return { glue: '', dropHyphen: false };
  const lastToken = /\S*$/.exec(a)?.[0] ?? '';
  // Symbols: "A/77/" + "236", "FCCC/CP/2015/10/Add." + "1", "CEDAW/C/EST/1-" + "3", "FCCC" + "/CP/2015/L.9".
  if (SYMBOL_CUT.test(lastToken) && /^[A-Za-z0-9(]/.test(b)) return { glue: '', dropHyphen: false };
  if (/^\/[A-Za-z0-9]/.test(b) && SYMBOL_HEAD_ONLY.test(a)) return { glue: '', dropHyphen: false };
  // A resolution or decision number cut after its slash: "resolution 73/" + "195", "decision 2006/" + "201".
  if (/(?:^|[\s(])\d{1,4}\/$/.test(a) && /^\d/.test(b)) return { glue: '', dropHyphen: false };
  // A number range cut after its dash: "Disaster Risk Reduction 2015–" + "2030", "paras. 71-" + "118".
  if (/\d[-\u2010-\u2013]$/.test(a) && /^\d/.test(b)) return { glue: '', dropHyphen: false };
  // A word hyphenated at the line end: "achieve-" + "ments". A capital after the hyphen is a real compound
  // ("Secretary-" + "General") and keeps its hyphen.
  if (/\p{L}[-\u2010]$/u.test(a) && /^\p{Ll}/u.test(b)) return { glue: '', dropHyphen: true };
  if (/\p{L}[-\u2010]$/u.test(a) && /^\p{Lu}/u.test(b)) return { glue: '', dropHyphen: false };
  return { glue: ' ', dropHyphen: false };
}

/**
 * Whether `next` starts a new paragraph after `prev` (same zone): a change of size, a wider gap, a short line
 * followed by an indented one, or a line that ends before the middle followed by one further left (the next row
 * of a table, "1541 (XV)" after the last line of the title beside "1514 (XV)").
 */
function paragraphBreak(
  items: readonly TextItemLike[],
  prev: Line,
  next: Line,
  pitch: number,
  margin: number,
  right: number,
): boolean {
  if (Math.abs(prev.size - next.size) > 0.5) return true;
  if (startsWithLabel(items, next)) return true;
  const gap = prev.y - next.y;
  if (gap > 1.35 * pitch || gap < 0) return true;
  // A right-to-left paragraph is indented from the right and its last line ends short on the left.
  const indented = next.rtl ? next.x1 < right - 0.8 * next.size : next.x0 > margin + 0.8 * next.size;
  const prevShort = prev.rtl ? prev.x0 > margin + 3 * prev.size : prev.x1 < right - 3 * prev.size;
  if (indented && prevShort) return true;
  // Further out after a line that ends before the middle: a table's next row, never a ragged line of a paragraph
  // (further left in a left-to-right text, further right in a right-to-left one).
  if (next.rtl) return next.x1 > prev.x1 + 0.8 * next.size && right - prev.x0 < 0.6 * (right - margin);
  const outdented = next.x0 < prev.x0 - 0.8 * next.size;
  return outdented && prev.x1 - margin < 0.6 * (right - margin);
}

/**
 * Whether the line opens with a label standing apart from its text, as a table row ("80/94" … "Question of the
 * Cayman Islands", "2025/32" … "Support to …") or a numbered paragraph ("2.3" … "In addition") does: a short
 * first item, then a gap wider than one and a half of the line's heights (wider than any justified space).
 */
function startsWithLabel(items: readonly TextItemLike[], line: Line): boolean {
  return labelEnd(items, line) !== undefined;
}

/**
 * The index in `line.items` of the first item after the line's label ("72/266 B" … "Shifting the management …"):
 * a short run of text at the line's start, then a gap wider than one and a half of the line's heights. Undefined
 * when the line does not open so.
 */
function labelEnd(items: readonly TextItemLike[], line: Line): number | undefined {
  let label = '';
  let lastRight: number | undefined;
  for (let k = 0; k < line.items.length; k++) {
    const i = line.items[k]!;
    const it = items[i]!;
    if (line.markers.includes(i)) continue;
    const wide = 1.5 * line.size;
    if (isBlank(it.str)) {
      if (lastRight !== undefined && it.width > wide) return next(k);
      continue;
    }
    if (lastRight !== undefined && xOf(it) - lastRight > wide)
      return label.trim().length <= 24 ? k : undefined;
    label += it.str;
    if (label.trim().length > 24) return undefined;
    lastRight = xOf(it) + it.width;
  }
  return undefined;

  /** The first non-blank item from `k` on, if the label is short. */
  function next(k: number): number | undefined {
    if (label.trim().length > 24) return undefined;
    const rest = line.items.findIndex((i, j) => j > k && !isBlank(items[i]!.str));
    return rest < 0 ? undefined : rest;
  }
}

/**
 * Whether the first of the body's lines opens a paragraph by its shape: a label standing apart, or an indent from
 * where most of the page's lines start (a resolution's preambular paragraph, "Recalling …").
 */
function opensParagraph(items: readonly TextItemLike[], body: readonly Line[]): boolean {
  const first = body[0];
  if (!first) return false;
  if (startsWithLabel(items, first)) return true;
  const starts = new Map<number, number>();
  for (const l of body) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const margin = [...starts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return first.x0 > margin + 0.8 * first.size;
}

/** The value below which a fraction `q` of `xs` lie. */
function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Appends a block of lines (one zone) to the builder, joining lines and paragraphs. */
function appendLines(
  b: TextBuilder,
  items: readonly TextItemLike[],
  lines: readonly Line[],
  onMarker: (item: number) => void,
  onParagraph: (line: Line) => void,
  notes = false,
  columns = false,
): void {
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const g = lines[k - 1]!.y - lines[k]!.y;
    if (g > 0 && Math.abs(lines[k - 1]!.size - lines[k]!.size) <= 0.5) gaps.push(g);
  }
  const pitch = median(gaps) || 1.2 * (lines[0]?.size ?? 10);
  const margin = Math.min(...lines.map((l) => l.x0));
  // The text's right edge: where most lines end, not the widest line (a table or a heading wider than the text
  // column would make every full line of a paragraph look short, and break it).
  const right = quantile(
    lines.map((l) => l.x1),
    0.9,
  );
  let prev: Line | undefined;
  for (const line of lines) {
    const first = b.text.length;
    if (prev) {
      // Footnotes have hanging indents and tight spacing: only a label starts a new one.
      const brk = notes ? line.label !== undefined : paragraphBreak(items, prev, line, pitch, margin, right);
      if (brk) {
        b.trimEnd();
        b.glue('\n\n');
        onParagraph(line);
      } else {
        const nextText = line.items
          .filter((i) => !line.markers.includes(i))
          .map((i) => readableText(items[i]!.str))
          .join('');
        const { glue, dropHyphen } = lineGlue(b.text, nextText);
        b.trimEnd();
        if (dropHyphen) dropLastChar(b);
        b.glue(glue);
      }
    } else onParagraph(line);
    let last: number | undefined;
    // The gap after a row's label (the blank item that fills it, or the step to the next item) stays a space.
    const labelled = labelEnd(items, line) ?? -1;
    let cellStart = b.text.length;
    const gaps = wideGaps(items, line);
    const pieces =
      line.pieces ??
      line.items.map((i) => ({
        item: i,
        from: 0,
        to: items[i]!.str.length,
        mirrored: line.mirrored?.includes(i),
      }));
    for (const { item: i, from, to, mirrored } of pieces) {
      const it = items[i]!;
      if (line.markers.includes(i)) {
        if (from === 0) onMarker(i);
        continue;
      }
      // A gap between items that pdf.js did not fill with a space item reads as a space; in the masthead a wide
      // gap separates columns ("United Nations ... A/RES/77/176"): a line break, so the symbol stands alone on
      // its line as the finder's identity rule expects. In the body, such a gap separates the cells of a table
      // row that share a baseline ("Question of Palestine" … "64/17; 79/82" … "Division for Palestinian
      // Rights"): a paragraph break, so each row's number starts a paragraph as it does in the reader's eye;
      // but a cell's own label and its text ("1514 (XV)" … "Declaration on …", "1992/1" … "Establishment of
      // …") stay one paragraph.
      const gap = last !== undefined ? itemGap(items[last]!, it) : 0;
      if (last !== undefined && !notes && !isBlank(it.str) && acrossGap(gaps, items[last]!, it)) {
        const cell = b.text.slice(cellStart).trim();
        const label =
          !columns &&
          (line.items.indexOf(i) <= labelled || (cell.length <= 24 && /\d/.test(cell) && cell !== ''));
        if (label) {
          if (!/\s$/.test(b.text)) b.glue(' ');
        } else {
          b.trimEnd();
          b.glue(columns ? '\n' : '\n\n');
          // The next cell starts here; a label's text is still the label's cell.
          cellStart = b.text.length;
        }
      } else if (last !== undefined && !isBlank(it.str) && gap > 0.25 * line.size) {
        // Chinese characters spread over a justified line are still one run of text.
        if (!/\s$/.test(b.text) && !cjkMeet(b.text, it.str)) b.glue(' ');
      }
      if (line.label === i) {
        b.item(items, i, from, to, mirrored);
        if (!/\s$/.test(b.text) && to === it.str.length) b.glue(' ');
      } else b.item(items, i, from, to, mirrored);
      if (!isBlank(it.str)) last = i;
    }
    if (b.text.length === first) continue;
    prev = line;
  }
  b.trimEnd();
}

function dropLastChar(b: TextBuilder): void {
  const last = b.segments.at(-1);
  if (!last || last.start + last.length !== b.text.length) {
    b.text = b.text.slice(0, -1);
    return;
  }
  last.length--;
  if (last.length === 0) b.segments.pop();
  b.text = b.text.slice(0, -1);
}

/** Builds the page's text (body, then footnotes) from its pdf.js text items. */
export function buildPageText(items: readonly TextItemLike[], opts: BuildOptions): PageText {
  const lines = groupLines(items);
  // Reading order inside each line, in the page's direction (Arabic pages read right to left).
  const rtl = isRtlText(items.map((it) => it.str).join(''));
  for (const line of lines) {
    const { order, mirrored, pieces } = orderLine(items, line.items, rtl);
    line.items = order;
    if (mirrored.length) line.mirrored = mirrored;
    if (pieces) line.pieces = pieces;
    if (rtl) line.rtl = true;
  }
  classifyLines(items, lines, opts);
  const b = new TextBuilder();
  const markers: Marker[] = [];
  const mastheadLines = lines.filter((l) => l.role === 'masthead');
  const bodyLines = lines.filter((l) => l.role === 'body');
  const noteLines = lines.filter((l) => l.role === 'footnote');
  let masthead: PageText['masthead'];
  let mastheadSymbol: string | undefined;
  if (mastheadLines.length) {
    // Masthead lines are text of the page (the finder reads the identity from them), one paragraph each.
    mastheadLines.forEach((line, k) => {
      if (k) b.glue('\n');
      appendLines(
        b,
        items,
        [line],
        () => {},
        () => {},
        false,
        true,
      );
    });
    masthead = { start: 0, end: b.text.length };
    mastheadSymbol = findMastheadSymbol(items, mastheadLines);
  }
  if (bodyLines.length) {
    if (b.text) b.glue('\n\n');
    appendLines(
      b,
      items,
      bodyLines,
      (item) => {
        if (MARKER_BRACKET.test(items[item]!.str)) return;
        markers.push({ label: items[item]!.str.trim().replace(/^\((.*)\)$/, '$1'), at: b.text.length, item });
      },
      () => {},
    );
  }
  const bodyEnd = b.text.length;
  const footnotes: Footnote[] = [];
  if (noteLines.length) {
    if (b.text) b.glue('\n\n');
    let open: Footnote | undefined;
    appendLines(
      b,
      items,
      noteLines,
      () => {},
      (line) => {
        if (open) open.end = b.text.replace(/\s+$/, '').length;
        const label = line.label !== undefined ? items[line.label]!.str.trim() : '';
        open = { label, start: b.text.length, end: b.text.length };
        footnotes.push(open);
      },
      true,
    );
    if (open) open.end = b.text.length;
  }
  const furniture = lines
    .filter((l) => l.role === 'running-head' || l.role === 'furniture')
    .map((l) => ({ role: l.role as 'running-head' | 'furniture', text: lineText(items, l), items: l.items }));
  return {
    text: b.text,
    segments: b.segments,
    bodyEnd,
    ...(opensParagraph(items, bodyLines) ? { opensParagraph: true } : {}),
    footnotes,
    markers,
    masthead,
    mastheadSymbol,
    furniture,
    lines,
  };
}

/**
 * The masthead's own symbol: the symbol-shaped run of text in the masthead printed largest. A run is items that
 * touch: Word prints the symbol's first letter larger than the rest ("A" + "/80/590"), as two items.
 */
function findMastheadSymbol(items: readonly TextItemLike[], lines: readonly Line[]): string | undefined {
  let best: { s: string; size: number } | undefined;
  for (const line of lines) {
    for (const run of touchingRuns(items, line)) {
      for (const m of run.text.matchAll(SYMBOL_ANYWHERE)) {
        if (!SYMBOL.test(m[0]) || !/\d/.test(m[0])) continue;
        if (!best || run.size > best.size) best = { s: m[0], size: run.size };
      }
    }
  }
  return best?.s;
}

/** The line's runs of touching items (no gap wider than a quarter of the line's size), with their largest size. */
function touchingRuns(items: readonly TextItemLike[], line: Line): { text: string; size: number }[] {
  const runs: { text: string; size: number }[] = [];
  let lastRight: number | undefined;
  for (const i of line.items) {
    const it = items[i]!;
    if (isBlank(it.str) && it.width > 0.25 * line.size) {
      lastRight = undefined;
      continue;
    }
    const cur = runs.at(-1);
    if (cur && lastRight !== undefined && xOf(it) - lastRight <= 0.25 * line.size) {
      cur.text += it.str;
      cur.size = Math.max(cur.size, size(it));
    } else runs.push({ text: it.str, size: size(it) });
    if (!isBlank(it.str)) lastRight = xOf(it) + it.width;
  }
  return runs.map((r) => ({ text: r.text.trim(), size: r.size }));
}

/** Maps a text range back to item character ranges (several when it spans items, lines or a dropped hyphen). */
export function mapRange(segments: readonly Segment[], start: number, end: number): ItemRange[] {
  const out: ItemRange[] = [];
  // Segments are sorted by start; find the first that ends after `start`.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (s.start + s.length <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < segments.length; k++) {
    const s = segments[k]!;
    if (s.start >= end) break;
    const a = Math.max(start, s.start);
    const z = Math.min(end, s.start + s.length);
    if (z <= a) continue;
    const from = s.from + (a - s.start);
    const to = s.from + (z - s.start);
    const prev = out.at(-1);
    // A dropped hyphen or a collapsed space inside one item: keep one contiguous range.
    if (prev && prev.item === s.item && prev.to <= from) prev.to = to;
    else out.push({ item: s.item, from, to });
  }
  return out;
}
