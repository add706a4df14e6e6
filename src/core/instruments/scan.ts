/**
 * The anchor scan: one regex of every anchor of a script, run by the regex engine in native code, finds
 * candidate words; each is checked exactly (its hash, then the anchor map) and, at a real anchor, the
 * neighbourhood is walked down the anchor's trie.
 */
import type { Compiled } from './compile.ts';
import { hashOf, prefixHit } from './compile.ts';
import { ruStemCased, ZH_COLON, ZH_NONE, zhOpenerMode } from './lexicon.ts';
import {
  C_CJK,
  C_PUNCT,
  charClass,
  foldArabic,
  isLetterCode,
  isProclitic,
  isWordChar,
  readForward,
} from './tokens.ts';
import { type Walks, walk } from './walk.ts';

/** One anchor scan of `w.text`: every match of `re` is checked and walked, the titles found go to `w.found`. */
export function scanAnchors(re: RegExp, c: Compiled, w: Walks): void {
  const text = w.text;
  const { byAnchor, hashes, revHashes, hashBits, revHashBits, firstTable, zhFirst } = c;
  let prevEnd = 0;
  const n = text.length;
  for (;;) {
    if (!re.test(text)) break;
    // The match is an anchor or the start of a longer word: take the whole word.
    let end = re.lastIndex;
    while (end < n && isLetterCode(text.charCodeAt(end))) end++;
    re.lastIndex = end;
    // Walk back to the word start, hashing the word backwards on the way (Latin anchors are
    // looked up by that hash). A word that starts before the match with a letter that is no
    // anchor's first (an Arabic proclitic may be) was matched mid-word: not an anchor.
    let tokStart = end - 1;
    let rev = text.charCodeAt(tokStart);
    while (tokStart > prevEnd) {
      const p = text.charCodeAt(tokStart - 1);
      if (p < 0x80 ? !((p | 32) >= 97 && (p | 32) <= 122) : !isLetterCode(p)) break;
      tokStart--;
      rev = (Math.imul(rev, 31) + p) | 0;
    }
    prevEnd = end;
    const code = text.charCodeAt(tokStart);
    const zhMode = zhOpenerMode(code);
    const isZh = zhMode !== ZH_NONE;
    if (!isZh) {
      if (firstTable[code] === 0) continue;
      if (tokStart > 0 && isWordChar(text.charCodeAt(tokStart - 1))) continue;
      if (code < 0x400 && (revHashBits[rev & 0xffff] === 0 || !revHashes.has(rev))) continue;
    }
    let key: string | null = null;
    if (isZh) {
      const next = text.charCodeAt(end);
      if (zhFirst[next] === 0 && charClass(next) === C_CJK) continue;
      key = '《';
    } else if (code >= 0x600 && code <= 0x6ff) {
      // li + al- drops the article's alef ("للاتفاقية" = ل + الاتفاقية, "وللإعلان"): put it back. Tried
      // first: stripping "لل" as two proclitics would leave a head word without its article ("إعلان").
      {
        let p = tokStart;
        const c0 = text.charCodeAt(p);
        if (c0 === 0x648 || c0 === 0x641) p++;
        if (p + 3 < end && text.charCodeAt(p) === 0x644 && text.charCodeAt(p + 1) === 0x644) {
          const h = hashOf(text, p + 1, end, 0x627);
          if (hashBits[h & 0xffff] !== 0 && hashes.has(h)) {
            const w = `\u0627${foldArabic(text.slice(p + 1, end))}`;
            if (byAnchor.has(w)) key = w;
          }
        }
      }
      // Up to two proclitic letters before an Arabic head word ("واتفاقية").
      for (let k = 0; key === null && k <= 2 && tokStart + k < end; k++) {
        if (k > 0 && !isProclitic(text.charCodeAt(tokStart + k - 1))) break;
        const h = hashOf(text, tokStart + k, end);
        if (hashBits[h & 0xffff] !== 0 && hashes.has(h)) {
          const w = foldArabic(text.slice(tokStart + k, end));
          if (byAnchor.has(w)) {
            key = w;
            break;
          }
        }
      }
    } else if (code >= 0x400 && code <= 0x4ff) {
      // Russian anchors are stems: some prefix of the word must be one.
      if (prefixHit(hashBits, hashes, text, tokStart, end)) key = ruStemCased(text.slice(tokStart, end));
    } else key = text.slice(tokStart, end);
    if (key === null || (!isZh && !byAnchor.has(key))) continue;
    const anchorTok = readForward(text, tokStart);
    if (!anchorTok) continue;
    let node = isZh ? undefined : byAnchor.get(key);
    let k = 1;
    let from = anchorTok;
    if (isZh) {
      const t1 = readForward(text, anchorTok.end);
      node = t1 ? byAnchor.get(`《${t1.text}`) : undefined;
      k = 2;
      // After a colon the title starts at its first character: the colon is not part of it.
      if (node && zhMode === ZH_COLON)
        from = { start: t1!.start, end: anchorTok.end, text: '：', cls: C_PUNCT };
    }
    if (node) walk(w, node, from, k, zhMode);
    if (re.lastIndex < anchorTok.end) re.lastIndex = anchorTok.end;
    prevEnd = re.lastIndex;
  }
}
