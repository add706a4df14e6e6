import { isNonLatinCode, NON_LATIN_RANGES } from './script';

/**
 * Pre-normalisation before any grammar (../shared/spec/grammar-reference.md §0), with an offset
 * map back to the ORIGINAL text. Most steps replace one UTF-16 unit by one (full-width forms,
 * Arabic-Indic digits, NBSP, hyphen variants), so the common case keeps offsets identical and
 * builds no map. Invisible characters (soft hyphen, zero-width and bidi marks) and Arabic
 * diacritics and tatweel ("المؤرَّخ" is "المؤرخ") are removed,
 * which is the only reason a map exists.
 */

/** A normalised text and the way back. */
export interface Normalized {
  /** The text the grammars scan. */
  text: string;
  /** Original offset of a normalised offset (start positions). */
  toOriginal(offset: number): number;
  /** Original end offset of a normalised end offset (exclusive). */
  toOriginalEnd(end: number): number;
  /** The text has no Cyrillic, Arabic, CJK or full-width character (script.ts), found by the same pass. */
  latinOnly: boolean;
}

/** What a character becomes: itself (null), a one-for-one replacement, or '' (removed). */
function replaceOne(code: number): string | null {
  if (code < 0xa0) return null;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  if (code === 0x00a0 || code === 0x2007 || code === 0x202f || code === 0x3000) return ' ';
  if ((code >= 0x2010 && code <= 0x2013) || code === 0x2212 || code === 0xfe63) return '-';
  if (
    code === 0x00ad ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2060 ||
    code === 0xfeff ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x0640 ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670
  ) {
    return '';
  }
  return null;
}

/**
 * Every character {@link replaceOne} changes, as one character class (`special`): V8's compiled class scan
 * skips the (usually) unchanged text far faster than a `charCodeAt` loop (≈20× on the English GA texts); and
 * that class with the non-Latin scripts' (script.ts) in one (`scan`): a Latin text (most windows of most pages)
 * is normalised and classified by a single pass. Built on the first call, not when the module loads: finding
 * the class walks every UTF-16 code (a few ms), and the worker that loads this module wakes mostly to look a
 * key up, which never normalises (its cold start is measured, `worker_cold_start_ms`).
 */
let classes: { special: RegExp; scan: RegExp } | undefined;
function specialClasses(): { special: RegExp; scan: RegExp } {
  if (classes) return classes;
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let cls = '';
  for (let c = 0xa0; c < 0x10000; c++) {
    if (replaceOne(c) === null) continue;
    let to = c;
    while (to + 1 < 0x10000 && replaceOne(to + 1) !== null) to++;
    cls += to === c ? hex(c) : `${hex(c)}-${hex(to)}`;
    c = to;
  }
  // Line ends too: a carriage return, and the indentation after a line break (see lineEnd).
  const special = new RegExp(`[${cls}\\r]|\\n[ \\t]+`, 'g');
  classes = { special, scan: new RegExp(special.source.replace('\\r]', `\\r${NON_LATIN_RANGES}]`), 'g') };
  return classes;
}

/**
 * A line end as the grammars read it: "\r\n" and a lone "\r" are "\n"; spaces and tabs after a line
 * break are dropped. A page's HTML source breaks and indents its lines anywhere ("Treaty\n      Series",
 * "59/241 of 22 December\n      2004"), and the grammars allow one line end where a space stands but
 * no more. Returns what `match` (an "\r" or a line break and its indentation) becomes.
 */
function lineEnd(match: string, next: number): string {
  if (match === '\r') return next === 10 ? '' : '\n';
  return '\n';
}

/** No-break and other fixed spaces (replaceOne makes them ' '). */
function isFixedSpace(c: number): boolean {
  return c === 0x00a0 || c === 0x2007 || c === 0x202f || c === 0x3000;
}

/** A space of any kind that a fixed space next to it would double. */
function isSpaceLike(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || isFixedSpace(c);
}

/**
 * What the special character at `i` becomes. A fixed space beside another space is dropped: HTML
 * written by word processors pads with "&nbsp; " ("Treaty&nbsp; Series"), and the grammars read one
 * space between words.
 */
function replaceAt(text: string, i: number, code: number): string {
  if (isFixedSpace(code) && (isSpaceLike(text.charCodeAt(i + 1)) || isSpaceLike(text.charCodeAt(i - 1)))) {
    // The previous one, if fixed too, was dropped for this one: keep this one then.
    if (!isSpaceLike(text.charCodeAt(i + 1)) && isFixedSpace(text.charCodeAt(i - 1))) return ' ';
    return '';
  }
  return replaceOne(code)!;
}

/**
 * What `found` (a scan match at `i`: one special character, or a line break and its indentation)
 * becomes; each character it drops is recorded in `at` (its place in the normalised text: a dropped run
 * has one place).
 */
function rewrite(text: string, i: number, found: string, at: number[]): string {
  const code = found.charCodeAt(0);
  const rep = code === 10 || code === 13 ? lineEnd(found, text.charCodeAt(i + 1)) : replaceAt(text, i, code);
  for (let k = rep.length; k < found.length; k++) at.push(i + k - at.length);
  return rep;
}

const identity = (o: number) => o;

/**
 * Normalises `text` for scanning; see {@link Normalized}. A Latin text takes one regex pass that
 * collects the few characters to change (then a join of the pieces between them); a text in another
 * script takes a native `replace` from its first non-Latin character on (joining by hand was ten
 * times slower on 37 MB: the engine's own builder avoids a rope of pieces). A text without special
 * characters is returned as is (no copy, no map).
 */
export function normalize(text: string): Normalized {
  // at[i] = normalised position where the i-th removed character was; the map is a binary search.
  const at: number[] = [];
  const pieces: string[] = [];
  let last = 0;
  let latinOnly = true;
  const { special, scan } = specialClasses();
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const i = m.index;
    const code = text.charCodeAt(i);
    if (isNonLatinCode(code)) {
      latinOnly = false;
      break;
    }
    const found = m[0];
    const rep = rewrite(text, i, found, at);
    if (i > last) pieces.push(text.slice(last, i));
    if (rep !== '') pieces.push(rep);
    last = i + found.length;
  }
  let out: string;
  if (latinOnly) {
    if (last === 0) return { text, toOriginal: identity, toOriginalEnd: identity, latinOnly };
    pieces.push(text.slice(last));
    out = pieces.join('');
  } else {
    at.length = 0;
    special.lastIndex = 0;
    if (!special.test(text)) return { text, toOriginal: identity, toOriginalEnd: identity, latinOnly };
    out = text.replace(special, (found: string, i: number) => rewrite(text, i, found, at));
  }
  if (at.length === 0) return { text: out, toOriginal: identity, toOriginalEnd: identity, latinOnly };
  /** Removed characters at or before normalised offset o (they shift it right). */
  const shift = (o: number): number => {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    text: out,
    toOriginal: (o) => o + shift(o),
    toOriginalEnd: (e) => (e <= 0 ? 0 : e - 1 + shift(e - 1) + 1),
    latinOnly,
  };
}
