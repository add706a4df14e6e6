/**
 * Reading order and characters of one line of PDF text, in every script UN documents use.
 *
 * pdf.js gives a line's items in content-stream order. A browser's print-to-PDF (and most PDF writers) draws an
 * Arabic line in visual order, left to right, often one glyph per item, with the glyphs' presentation forms
 * ("ﻗﺮﺍﺭ" for "قرار"); pdf.js puts the characters of each item in logical order but leaves the items where they
 * are. Read as they come, Arabic words come out reversed and the finder sees nothing. This module orders a
 * line's items logically (a subset of the Unicode bidirectional algorithm, at the level of items, with the
 * characters' bidi classes: right-to-left runs read right to left, embedded left-to-right runs such as
 * "A/RES/73/195" or numbers keep their order), normalises presentation forms, and says where lines and items
 * join without a space (Chinese text; symbols broken after a slash or a hyphen, "ES-10/" + "13"). Pure.
 */

/** The part of a pdf.js text item this module reads. */
export interface PositionedText {
  str: string;
  transform: number[];
  width: number;
}

/** Bidi class of an item, after the Unicode classes of its characters (AN counted as EN, AL as R). */
export type BidiClass = 'L' | 'R' | 'EN' | 'CS' | 'N';

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended, and
// the presentation forms; less Arabic digits (AN/EN), the Arabic comma (CS) and combining marks (NSM).
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const NOT_STRONG_RTL =
  /[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0660-\u066c\u0670\u06d6-\u06ed\u06f0-\u06f9\u060c]/u;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/u;
const STRONG_L = /[\p{L}]/u;
const CS = /^[,./:\u060c]$/u;

function charClass(ch: string): BidiClass {
  if (DIGIT.test(ch)) return 'EN';
  if (RTL.test(ch) && !NOT_STRONG_RTL.test(ch)) return 'R';
  if (STRONG_L.test(ch)) return 'L';
  if (CS.test(ch)) return 'CS';
  return 'N';
}

/**
 * Bidi class of an item's text: R if it has a right-to-left letter, else L if it has a letter, else EN if it has
 * a digit (a number, "54/237", a marker "(1)"), CS for a lone separator, N otherwise.
 */
export function bidiClassOf(s: string): BidiClass {
  let hasL = false;
  let hasEN = false;
  for (const ch of s) {
    const c = charClass(ch);
    if (c === 'R') return 'R';
    if (c === 'L') hasL = true;
    else if (c === 'EN') hasEN = true;
  }
  if (hasL) return 'L';
  if (hasEN) return 'EN';
  const t = s.trim();
  return t.length === 1 && CS.test(t) ? 'CS' : 'N';
}

/** Whether a line reads right to left: more right-to-left letters than left-to-right ones. */
export function isRtlText(s: string): boolean {
  let r = 0;
  let l = 0;
  for (const ch of s) {
    const c = charClass(ch);
    if (c === 'R') r++;
    else if (c === 'L') l++;
  }
  return r > l;
}

/**
 * Embedding levels of a sequence of classes in (about) logical order, base level 0 (LTR) or 1 (RTL): W4 (a
 * separator between numbers joins them), W7 (a number after left-to-right text is left-to-right), N1/N2
 * (neutrals take the direction of the text around them if both sides agree, numbers counting as RTL, else the
 * base direction), I1/I2 (levels).
 */
export function resolveLevels(classes: readonly BidiClass[], base: 0 | 1): number[] {
  const c = [...classes];
  const baseClass: BidiClass = base ? 'R' : 'L';
  for (let k = 1; k + 1 < c.length; k++) {
    if (c[k] === 'CS' && c[k - 1] === 'EN' && c[k + 1] === 'EN') c[k] = 'EN';
  }
  let strong: BidiClass = baseClass;
  const w7: boolean[] = c.map((x) => {
    if (x === 'L' || x === 'R') strong = x;
    return x === 'EN' && strong === 'L';
  });
  const dir = (k: number): 'L' | 'R' | undefined => {
    const x = c[k];
    if (x === 'L' || (x === 'EN' && w7[k])) return 'L';
    if (x === 'R' || x === 'EN') return 'R';
    return undefined;
  };
  const resolved: ('L' | 'R' | 'EN')[] = [];
  for (let k = 0; k < c.length; k++) {
    const d = dir(k);
    if (d) {
      resolved.push(c[k] === 'EN' && !w7[k] ? 'EN' : d);
      continue;
    }
    let before: 'L' | 'R' = baseClass as 'L' | 'R';
    for (let j = k - 1; j >= 0; j--) {
      const e = dir(j);
      if (e) {
        before = e;
        break;
      }
    }
    let after: 'L' | 'R' = baseClass as 'L' | 'R';
    for (let j = k + 1; j < c.length; j++) {
      const e = dir(j);
      if (e) {
        after = e;
        break;
      }
    }
    resolved.push(before === after ? before : (baseClass as 'L' | 'R'));
  }
  return resolved.map((x) => {
    if (base === 1) return x === 'R' ? 1 : 2;
    return x === 'L' ? 0 : x === 'R' ? 1 : 2;
  });
}

/** Reverses, in place, every maximal run of `order` whose level is at least `min`. */
function reverseRuns<T>(order: T[], levels: number[], min: number): void {
  let k = 0;
  while (k < order.length) {
    if (levels[k]! < min) {
      k++;
      continue;
    }
    let z = k;
    while (z < order.length && levels[z]! >= min) z++;
    const items = order.slice(k, z).reverse();
    const lv = levels.slice(k, z).reverse();
    order.splice(k, z - k, ...items);
    levels.splice(k, z - k, ...lv);
    k = z;
  }
}

const centre = (it: PositionedText): number => (it.transform[4] ?? 0) + it.width / 2;

/** A piece of a line in reading order: characters `[from, to)` of item `item`. */
export interface LinePiece {
  item: number;
  from: number;
  to: number;
  /** Drawn right to left: its brackets are mirrored glyphs. */
  mirrored?: boolean;
}

/**
 * A line's items in reading order, those drawn right to left (their brackets are mirrored glyphs), and, when
 * an item had to be cut (a full stop drawn against a number: ".50" for "50/6."), the pieces in reading order.
 */
export interface LineOrder {
  order: number[];
  mirrored: number[];
  pieces?: LinePiece[];
}

interface Unit extends LinePiece {
  x: number;
  w: number;
  k: number;
  c: BidiClass;
}

// Punctuation a PDF writer may draw against a number or a word of the other direction (a sentence's full stop).
const EDGE = /^([.,:;!?'"“”‘’)(\][]+)?(.*?)([.,:;!?'"“”‘’)(\][]+)?$/su;

/**
 * The visual units of a line: its items, with the punctuation at the edge of a left-to-right item cut off
 * when nothing of its own run touches that edge (in ".50" of "القرار .50/6" the full stop ends the Arabic
 * sentence; in ".157" of "A/CONF" + ".157" it belongs to the symbol).
 */
function units(items: readonly PositionedText[], line: readonly number[], classes: BidiClass[]): Unit[] {
  const byX = line
    .map((item, k) => ({ item, k }))
    .sort((a, b) => centre(items[a.item]!) - centre(items[b.item]!) || a.k - b.k);
  const touches = (n: number | undefined, x: number): boolean => {
    if (n === undefined) return false;
    const it = items[n]!;
    const c = bidiClassOf(it.str);
    if (c !== 'L' && c !== 'EN') return false;
    const a = it.transform[4] ?? 0;
    return (
      Math.min(Math.abs(a - x), Math.abs(a + it.width - x)) <
      0.1 * (Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) || 10)
    );
  };
  const out: Unit[] = [];
  byX.forEach(({ item, k }, v) => {
    const it = items[item]!;
    const x = it.transform[4] ?? 0;
    const c = classes[k]!;
    const m = c === 'L' || c === 'EN' ? EDGE.exec(it.str) : null;
    const lead = m?.[1] && !touches(byX[v - 1]?.item, x) ? m[1].length : 0;
    const trail = m?.[3] && !touches(byX[v + 1]?.item, x + it.width) ? m[3].length : 0;
    const n = it.str.length;
    if (!lead && !trail) {
      out.push({ item, from: 0, to: n, x, w: it.width, k, c });
      return;
    }
    // Characters share the item's width evenly: enough to order the pieces.
    const at = (i: number) => x + (it.width * i) / n;
    const cuts = [0, lead, n - trail, n].filter((q, i, a) => i === 0 || q > a[i - 1]!);
    for (let q = 1; q < cuts.length; q++) {
      const from = cuts[q - 1]!;
      const to = cuts[q]!;
      const str = it.str.slice(from, to);
      out.push({ item, from, to, x: at(from), w: at(to) - at(from), k, c: bidiClassOf(str) });
    }
  });
  return out;
}

/**
 * The logical order of a line's items (indices into `items`, given in stream order). A line without
 * right-to-left text keeps its stream order; otherwise the items are put in visual order (by x, ties in stream
 * order) and reordered as the bidi algorithm displays them, backwards: right-to-left runs read right to left,
 * left-to-right runs inside them (symbols, numbers, Latin words) left to right. `rtl` is the paragraph
 * direction (the page's, as a line of an Arabic text may hold more Latin letters than Arabic ones, or none);
 * without it the line's own letters decide.
 */
export function orderLine(
  items: readonly PositionedText[],
  line: readonly number[],
  rtl?: boolean,
): LineOrder {
  const classes = line.map((i) => bidiClassOf(items[i]!.str));
  // A line without right-to-left letters keeps its order, unless it stands in a right-to-left text: there
  // "(19) A/80/253." is drawn ". A/80/253 (19)" (the label to the right, the full stop to the left).
  if (!classes.includes('R') && rtl !== true) return { order: [...line], mirrored: [] };
  rtl ??= isRtlText(line.map((i) => items[i]!.str).join(''));
  const visual = units(items, line, classes).sort(
    (a, b) => a.x + a.w / 2 - (b.x + b.w / 2) || a.k - b.k || a.from - b.from,
  );
  // Resolution wants logical order: for a right-to-left line, right to left is (nearly) that.
  const seq = rtl ? [...visual].reverse() : visual;
  const levels = resolveLevels(
    seq.map((v) => v.c),
    rtl ? 1 : 0,
  );
  const visualLevels = rtl ? [...levels].reverse() : levels;
  const pieces: LinePiece[] = visual.map((u, k) => {
    const piece: LinePiece = { item: u.item, from: u.from, to: u.to };
    // A bracket drawn right to left is its mirror image, and the PDF's text says so: ")" for "(".
    if (visualLevels[k]! % 2 === 1 && /[()[\]{}«»<>]/.test(items[u.item]!.str.slice(u.from, u.to)))
      piece.mirrored = true;
    return piece;
  });
  // Display reverses runs at level ≥ 2, then at level ≥ 1; reading undoes that in the opposite order.
  reverseRuns(pieces, visualLevels, 1);
  reverseRuns(pieces, visualLevels, 2);
  const order = [...new Set(pieces.map((p) => p.item))];
  const mirrored = [...new Set(pieces.filter((p) => p.mirrored).map((p) => p.item))];
  const cut = pieces.length > order.length;
  return cut ? { order, mirrored, pieces } : { order, mirrored };
}

const MIRROR: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '«': '»',
  '»': '«',
  '<': '>',
  '>': '<',
};

/** The character a mirrored bracket glyph stands for ("(" for the ")" drawn in right-to-left text). */
export function unmirror(ch: string): string {
  return MIRROR[ch] ?? ch;
}

/** The horizontal gap between two items of a line, whichever side of the other each one is. */
export function itemGap(a: PositionedText, b: PositionedText): number {
  const ax = a.transform[4] ?? 0;
  const bx = b.transform[4] ?? 0;
  return Math.max(bx - (ax + a.width), ax - (bx + b.width));
}

/**
 * What a character reads as. Two kinds of characters come from fonts, not from the text, and become what they
 * stand for by NFKC: Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF: shaped glyphs, "ﻻ" → "لا"), and Kangxi
 * radicals (U+2F00–2FD5), which CJK fonts map their ideographs' glyphs to ("⼤会" → "大会", "12⽉" → "12月").
 * Every other character is kept as printed (NFKC would also change full-width forms, superscripts, ligatures).
 */
export function readableChar(ch: string): string {
  if (ch.length !== 1) return ch;
  const c = ch.charCodeAt(0);
  if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff) || (c >= 0x2f00 && c <= 0x2fd5)) {
    const n = ch.normalize('NFKC');
    return n.length ? n : ch;
  }
  return ch;
}

const CJK_END = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]$/u;
const CJK_START = /^[\u2e80-\u2fdf\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** A string as it reads: presentation forms as their letters (for tests on a line's text, not for the offset map). */
export function readableText(s: string): string {
  return /[\u2f00-\u2fd5\ufb50-\ufdff\ufe70-\ufeff]/.test(s) ? [...s].map(readableChar).join('') : s;
}

/** Whether two pieces of Chinese (or Japanese) text meet: no space is read between them. */
export function cjkMeet(before: string, after: string): boolean {
  return CJK_END.test(before) || CJK_START.test(after);
}

/**
 * Whether a line that ends `before` goes on with `after` as the same symbol or number: a UN symbol broken after
 * a slash or a hyphen ("A/RES/ES-10/" + "13", "A/HRC/" + "55/1", "第ES-10/" + "13号") or a resolution number
 * after its slash ("第73/" + "195号"), whatever script stands before it.
 */
export function symbolContinues(before: string, after: string): boolean {
  const b = after.replace(/^\s+/, '');
  if (!/^[A-Za-z0-9]/.test(b)) return false;
  const a = before.replace(/\s+$/, '');
  const token = /[A-Z][A-Za-z0-9.()/-]*$/.exec(a)?.[0];
  if (token?.includes('/') && /[/-]$/.test(token)) return true;
  return /(?:^|[^\d/.])\d{1,4}\/$/.test(a) && /^\d/.test(b);
}
