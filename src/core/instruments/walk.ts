/**
 * Walking a token trie from an anchor found in the text: the tokens after the anchor go down the trie,
 * and at each node where titles end, their tokens before the anchor are checked and the span recorded.
 */
import type { Title, TokNode } from './compile.ts';
import {
  AR_PROCLITICS,
  GLUE_LIST,
  GLUE_WORDS,
  ruStem,
  ZH_BOOK,
  ZH_CLOSERS,
  ZH_COLON,
  ZH_NONE,
} from './lexicon.ts';
import {
  C_DIGIT,
  C_IGNORE,
  C_LETTER,
  charClass,
  isCyrillic,
  readBackward,
  readForward,
  type Tok,
} from './tokens.ts';

/** A title found in the text: its raw span. Overlaps are resolved once the scan is over. */
export interface Found {
  start: number;
  end: number;
  title: Title;
}

/**
 * One find call's walks: the text, the spans found so far, and the tokens before the current walk's
 * anchor, read lazily (most titles start at their anchor) and reset by each walk (walks do not nest).
 * Made by each call and passed explicitly, so that no closure is made per anchor found.
 */
export interface Walks {
  readonly text: string;
  readonly found: Found[];
  /** The current walk's anchor token. */
  anchor: Tok | null;
  /** Tokens before the anchor read so far: [0] is the one right before it. */
  readonly before: (Tok | null)[];
}

/** The walk state of one find call over `text`. */
export function newWalks(text: string): Walks {
  return { text, found: [], anchor: null, before: [] };
}

/** The k-th token before the current walk's anchor (0: the one right before), null before the text's start. */
function tokenBefore(w: Walks, k: number): Tok | null {
  const toks = w.before;
  while (toks.length <= k) {
    const prev = toks.length ? toks[toks.length - 1]! : w.anchor;
    toks.push(prev ? readBackward(w.text, prev.start) : null);
  }
  return toks[k]!;
}

/**
 * Walks the text tokens after the anchor down the anchor's trie; at every node where titles end,
 * checks their tokens before the anchor and records the spans into `w.found`. The last token may be
 * glued to a footnote number or a small word ("2015–20308", "Human Rightsand").
 */
export function walk(w: Walks, root: TokNode, anchorTok: Tok, firstK: number, zhMode = ZH_NONE): void {
  const text = w.text;
  w.anchor = anchorTok;
  w.before.length = 0;
  let node = root;
  let last = anchorTok;
  if (firstK === 2) last = readForward(text, anchorTok.end) ?? anchorTok;
  for (let steps = 0; steps < 200; steps++) {
    for (const t of node.ends) record(w, t, anchorTok, last.end);
    // A leaf: no longer title and no glued last token to look for.
    if (node.kidKeys.length === 0) return;
    const tok = readForward(text, last.end);
    if (!tok) return;
    let next = node.kids.get(tok.text);
    if (!next && tok.cls === C_LETTER && isCyrillic(tok.text.charCodeAt(0)))
      next = node.kids.get(ruStem(tok.text));
    if (zhMode > ZH_BOOK && (ZH_CLOSERS.has(tok.text) || (!next && tok.text === '('))) {
      // A title opened by another quote ends with any closing quote where its 》 would be, or
      // before a parenthesis inside the quote ("“…亚的斯亚贝巴行动议程(亚的斯亚贝巴行动议程)”").
      const close = node.kids.get('》');
      if (close && (zhMode === ZH_COLON || tok.text === '(')) {
        // "：title”": the closing quote belongs to the longer quoted title, not to this one.
        for (const t of close.ends) record(w, t, anchorTok, last.end);
        return;
      }
      next ??= close;
    }
    if (!next) {
      // Glued last token: the title ends inside this token ("20308", "Rightsand"). Only the
      // few prefixes that a footnote number or a glue word can leave are looked up.
      for (const prefix of gluePrefixes(text, tok, node)) {
        const kid = node.kids.get(prefix);
        if (!kid) continue;
        for (const t of kid.ends) {
          const end = gluedEnd(text, t, t.toks.length - 1, tok);
          if (end > 0) record(w, t, anchorTok, end);
        }
      }
      return;
    }
    node = next;
    last = tok;
  }
}

/**
 * Prefixes of a token that could be a title's last token with something glued after it. Letters: a
 * glue word after one of `node`'s tokens, found from whichever side is shorter (a node has few kids).
 */
function gluePrefixes(text: string, tok: Tok, node: TokNode): string[] {
  const out: string[] = [];
  const w = tok.text;
  if (tok.cls === C_DIGIT) {
    for (let k = 1; k <= 3 && w.length - k >= 4; k++) out.push(w.slice(0, -k));
  } else if (tok.cls === C_LETTER) {
    const keys = node.kidKeys;
    if (keys.length < GLUE_LIST.length) {
      for (let i = 0; i < keys.length; i++) {
        const kid = keys[i]!;
        if (
          w.length > kid.length &&
          w.startsWith(kid) &&
          (GLUE_WORDS.has(w.slice(kid.length)) || isCaseBreak(text, tok.start + kid.length))
        )
          out.push(kid);
      }
    } else {
      for (let i = 0; i < GLUE_LIST.length; i++) {
        const g = GLUE_LIST[i]!;
        if (w.length > g.length && w.endsWith(g)) out.push(w.slice(0, -g.length));
      }
    }
  }
  return out;
}

/**
 * A footnote glued to a title's last word starts with a capital after its small letter
 * ("contra la MujerIbid., vol. 1249", "ДискриминацииРезолюция"): lower case at `i - 1`, upper at `i`.
 */
function isCaseBreak(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text[i - 1]!;
  const b = text[i]!;
  return a !== a.toUpperCase() && b !== b.toLowerCase();
}

/** Checks the tokens before the anchor and records the title's span. */
function record(w: Walks, t: Title, anchorTok: Tok, end: number): void {
  let start: number;
  if (t.lang === 'zh') start = anchorTok.start;
  else if (t.anchor === 0) {
    start = firstTokenStart(t, anchorTok);
    if (start < 0) return;
  } else {
    start = -1;
    for (let i = t.anchor - 1; i >= 0; i--) {
      const tok = tokenBefore(w, t.anchor - 1 - i);
      if (!tok || !tokEq(t, i, tok)) return;
      start = tok.start;
    }
  }
  if (end > start) w.found.push({ start, end, title: t });
}

/** Compares one title token with one text token. */
function tokEq(t: Title, i: number, tok: Tok): boolean {
  const want = t.toks[i]!;
  if (tok.text === want) return true;
  const stem = t.stems[i];
  if (stem != null) return tok.cls === C_LETTER && ruStem(tok.text) === stem;
  return false;
}

/** Start offset of the title's first token in `tok`, or -1. Arabic allows glued proclitics. */
function firstTokenStart(t: Title, tok: Tok): number {
  if (tokEq(t, 0, tok)) return tok.start;
  if (t.lang !== 'ar') return -1;
  const want = t.toks[0]!;
  for (const p of AR_PROCLITICS) {
    if (tok.text.length === p.length + want.length && tok.text.startsWith(p) && tok.text.endsWith(want)) {
      return tok.start + p.length;
    }
  }
  // "للعهد" = ل + العهد with the article's alef dropped.
  if (want.startsWith('\u0627\u0644') && /^[وف]?لل/.test(tok.text)) {
    const pre = tok.text.length - (want.length - 1);
    if (pre >= 1 && tok.text.slice(pre) === want.slice(1)) return tok.start;
  }
  return -1;
}

/**
 * The last title token may be glued to what follows in extracted text: a footnote number on a
 * year ("2015–20308") or a small word on a long title ("Human Rightsand"). Returns the raw end
 * offset of the title part, or -1.
 */
function gluedEnd(text: string, t: Title, i: number, tok: Tok): number {
  const want = t.toks[i]!;
  if (!tok.text.startsWith(want) || tok.text.length === want.length) return -1;
  const rest = tok.text.slice(want.length);
  const ok =
    tok.cls === C_DIGIT
      ? rest.length <= 3 && want.length === 4
      : t.toks.length >= 4 && (GLUE_WORDS.has(rest) || isCaseBreak(text, tok.start + want.length));
  if (!ok) return -1;
  // Walk the raw characters to the end of `want` (the token may hold invisible characters).
  let seen = 0;
  let p = tok.start;
  for (; p < tok.end && seen < want.length; p++) {
    if (charClass(text.charCodeAt(p)) !== C_IGNORE) seen++;
  }
  return p;
}
