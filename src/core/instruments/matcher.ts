/**
 * Finds instruments named by their full title ("Universal Declaration of Human Rights",
 * "Convention relative aux droits de l'enfant", 《联合国打击跨国有组织犯罪公约》, "اتفاقية حقوق الطفل").
 *
 * Why an anchor design: every title is indexed under one anchor word (its first capitalised,
 * not too common word; Russian: that word's stem; Arabic: its first word, also after "لل" where
 * the article's alef is elided; Chinese: 《 and the first character, the other openers “ 〈 < 「 and
 * the colon of a quoted title standing in for 《). One regex pass that starts with a character class finds candidate words in
 * native code; a hash of each word is checked against the anchors, and only at a real anchor is
 * the neighbourhood tokenized and walked down a token trie of the titles sharing that anchor.
 * Tokens fold case, apostrophes, dashes, spaces and line breaks, so typographic variants match
 * while offsets stay exact (raw text offsets, never normalised ones). Longest match wins.
 *
 * The steps live beside this file: tokens.ts (character classes, folding, tokens), lexicon.ts (language
 * specifics), compile.ts (tries and anchor tables), scan.ts (the anchor scan), walk.ts (down a trie).
 */
import type { Mention } from '../mention.ts';
import { isLatinOnly } from '../script.ts';
import { compile } from './compile.ts';
import type { GazetteerEntry } from './gazetteer.ts';
import { BODY_AFTER, BODY_BEFORE } from './lexicon.ts';
import { scanAnchors } from './scan.ts';
import { type Found, newWalks } from './walk.ts';

export { foldedTokens, headWordOf } from './lexicon.ts';

/** A compiled gazetteer. */
export interface InstrumentMatcher {
  /**
   * Instrument mentions in `text`: kind 'instrument', sorted, non-overlapping, exact offsets.
   * `latinOnly` may pass what the caller already knows of the text's scripts (script.ts).
   */
  find(text: string, latinOnly?: boolean): Mention[];
  /** Number of titles compiled (all languages). */
  readonly size: number;
}

/**
 * Compiles gazetteer entries into a matcher. Entries whose key starts with `block:` are matched
 * (so that longest match lets them swallow the titles they contain) but never reported.
 */
export function createInstrumentMatcher(entries: GazetteerEntry[]): InstrumentMatcher {
  const c = compile(entries);
  function find(text: string, latinOnly = isLatinOnly(text)): Mention[] {
    if (!c.anyAnchor) return [];
    const w = newWalks(text);
    if (c.latinSource) scanAnchors(new RegExp(c.latinSource, 'g'), c, w);
    if (!latinOnly) {
      for (const { source, present } of c.scans)
        if (present(text)) scanAnchors(new RegExp(source, 'g'), c, w);
    }
    return resolve(text, w.found);
  }
  return { find, size: c.size };
}

/** Longest match wins; then body names, `block:` entries and "title (ITS SYMBOL)" are dropped. */
function resolve(text: string, found: Found[]): Mention[] {
  found.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const kept: typeof found = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (!last || f.start >= last.end) kept.push(f);
    else if (f.end - f.start > last.end - last.start) kept[kept.length - 1] = f;
  }
  const out: Mention[] = [];
  for (const f of kept) {
    const { entry, lang } = f.title;
    if (entry.key.startsWith('block:')) continue;
    const before = BODY_BEFORE[lang];
    if (before?.test(text.slice(Math.max(0, f.start - 160), f.start))) continue;
    const after = BODY_AFTER[lang];
    const tail = text.slice(f.end, f.end + 40);
    if (after?.test(tail)) continue;
    if (citesOwnSymbol(tail, entry.key)) continue;
    out.push({
      offset: f.start,
      end: f.end,
      surface: text.slice(f.start, f.end),
      kind: 'instrument',
      key: entry.key,
      // A protocol registered under its treaty's number is that number at its own volume.
      ...(entry.volume ? { volume: entry.volume } : {}),
    });
  }
  return out;
}

/** "《2005年世界首脑会议成果》(A/RES/60/1)": the title and its own symbol are one citation, the symbol's. */
function citesOwnSymbol(tail: string, key: string): boolean {
  if (!key.includes('/')) return false;
  const m = /^\s*[(（]\s*([^()（）]{3,40}?)\s*[)）]/.exec(tail);
  return !!m && m[1]!.replace(/\s+/g, '') === key;
}
