/**
 * Which writing systems a text uses, for grammars whose anchors come in several scripts: one
 * alternation that mixes Latin, Cyrillic, Arabic and CJK literals is several times slower in V8's
 * regex engine than its Latin part alone (measured on the English GA texts: 87 vs 31 ms for the
 * Treaty Series anchors), so a text without any other script is scanned with the Latin part only.
 */
import { lazyRegExp } from './lazy-regexp';

/** A Cyrillic, Arabic, CJK (with 《》 and the CJK punctuation block) or full-width character, as class ranges. */
export const NON_LATIN_RANGES = '\\u0400-\\u04ff\\u0600-\\u06ff\\u3000-\\u9fff\\uff00-\\uffef';
const NON_LATIN_RE = lazyRegExp(`[${NON_LATIN_RANGES}]`);

/** True for a UTF-16 unit in {@link NON_LATIN_RANGES}. */
export function isNonLatinCode(c: number): boolean {
  return (
    (c >= 0x400 && c <= 0x4ff) ||
    (c >= 0x600 && c <= 0x6ff) ||
    (c >= 0x3000 && c <= 0x9fff) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

/**
 * True when `text` has no Cyrillic, Arabic, CJK or full-width character: anchors written in those
 * scripts cannot match in it, so a Latin-only alternation finds exactly what the full one does.
 * @example isLatinOnly('Recalling its resolution 73/195') // true
 * @example isLatinOnly('Ссылаясь на резолюцию 73/195') // false
 */
export function isLatinOnly(text: string): boolean {
  return !NON_LATIN_RE.test(text);
}
