/**
 * Reading words backwards from a number, by a table of character kinds rather than a regex on each
 * one-character string.
 */

/**
 * Per UTF-16 unit: 1 letter or mark (`[\p{L}\p{M}]`), 2 whitespace (`\s`), 3 neither; 0 not yet
 * classified. Scanning back through a word asks this table, not a regex on a one-character string.
 */
const CHAR_KIND = new Uint8Array(65536);
const WORD_CHAR_RE = /[\p{L}\p{M}]/u;

/** The kind of a UTF-16 unit: 1 letter or mark, 2 whitespace, 3 anything else. */
export function charKind(code: number): number {
  let k = CHAR_KIND[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = WORD_CHAR_RE.test(ch) ? 1 : /\s/.test(ch) ? 2 : 3;
    CHAR_KIND[code] = k;
  }
  return k;
}

/** Start of the word ending at `end` (letters only), or `end` when there is none. */
export function wordStart(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && charKind(text.charCodeAt(i - 1)) === 1) i--;
  return i;
}

/** A word read backwards by {@link wordStartHashed}: the caller's object, overwritten by each read. */
export interface HashedWord {
  /** Hash of the word's characters, from its last one back, then of its length. */
  hash: number;
}

/**
 * {@link wordStart}, hashing the word on the way into `word.hash` (for the head-noun cache: one pass over
 * its characters, not two).
 */
export function wordStartHashed(text: string, end: number, floor: number, word: HashedWord): number {
  let i = end;
  let h = 0;
  for (;;) {
    if (i <= floor) break;
    const c = text.charCodeAt(i - 1);
    if (charKind(c) !== 1) break;
    h = (Math.imul(h, 31) + c) | 0;
    i--;
  }
  word.hash = (Math.imul(h, 31) + (end - i)) | 0;
  return i;
}

/** Start of the white space ending at `pos` (`pos` when there is none). */
export function skipSpaceBack(text: string, pos: number, floor: number): number {
  let i = pos;
  while (i > floor && charKind(text.charCodeAt(i - 1)) === 2) i--;
  return i;
}
