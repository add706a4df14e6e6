import type { ScanContext } from './grammar/context';
import { scanDepositary } from './grammar/depositary';
import { scanHealth } from './grammar/health';
import type { BodyCode } from './grammar/lexicon';
import { scanOfficialRecords } from './grammar/official-records';
import { scanResolutions } from './grammar/resolution';
import { scanSales } from './grammar/sales';
import { scanSymbols } from './grammar/symbol';
import { scanTreaties } from './grammar/treaty';
import { findIbids, UNDERSTOOD_NOT_RE } from './ibid';
import { findIdentity, findOpeners, identityKeys } from './identity';
import type { InstrumentMatcher } from './instruments/matcher';
import type { FindResult, Lang, Mention } from './mention';
import { normalize } from './normalize';
import { resolveOverlaps } from './scan';
import { bodyFromSymbol } from './symbol-body';

export type { BodyCode } from './grammar/lexicon';

export type { InstrumentMatcher } from './instruments/matcher';

/** Options of {@link findCitations}. */
export interface FindOptions {
  /** Language of the text; detected from its script and common words when absent. */
  lang?: Lang;
  /** The document's own body, for "its resolution" when the text does not say ("The General Assembly,"). */
  body?: BodyCode;
  /** Instrument titles to find (kind `instrument`). */
  gazetteer?: InstrumentMatcher;
}

type Scanner = (text: string, ctx: ScanContext) => Mention[];

/** Every grammar runs over the normalised text; find.ts merges, resolves overlaps and chains ibids. */
const GRAMMARS: Scanner[] = [
  scanResolutions,
  scanSymbols,
  scanTreaties,
  scanSales,
  scanOfficialRecords,
  scanHealth,
  scanDepositary,
];

/**
 * Guesses the language from the script and a few frequent words of the first 20 000 characters.
 * @example detectLang('La Asamblea General, Recordando su resolución 73/195') // 'es'
 */
export function detectLang(text: string): Lang {
  const sample = text.slice(0, 20000);
  let cjk = 0;
  let arabic = 0;
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i += 3) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  const max = Math.max(cjk, arabic, cyrillic, latin);
  if (max === 0) return 'en';
  if (max === cjk && cjk * 3 >= latin) return 'zh';
  if (max === arabic) return 'ar';
  if (max === cyrillic) return 'ru';
  if (cjk * 2 > latin) return 'zh';
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const en = count(/\b(?:the|of|and|to)\b/g);
  const fr = count(/\b(?:les|des|du|et|la)\b/g);
  const es = count(/\b(?:los|las|del|el|y)\b/g);
  if (fr > en && fr >= es) return 'fr';
  if (es > en && es > fr) return 'es';
  return 'en';
}

/** Keeps container "Ibid., vol. N, No. M" treaty mentions only right after a Treaty Series citation. */
function chainTreatyIbids(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  let prev: Mention | undefined;
  for (const m of mentions) {
    if (m.ibid) {
      const gap = prev ? text.slice(prev.end, m.offset) : '';
      if (prev?.kind !== 'treaty' || gap.length > 300 || UNDERSTOOD_NOT_RE.test(gap)) {
        // Not understood: the chain is broken for what follows too.
        prev = m.kind === 'treaty' ? { ...m, kind: 'document' } : m;
        continue;
      }
    }
    out.push(m);
    if (m.kind !== 'instrument') prev = m;
  }
  return out;
}

/**
 * The mention as returned: a new object of one shape (the five fields, then the optional ones in a fixed
 * order, without the grammars' internal flags) at the original offsets. The grammars' objects grow fields
 * as they go (mixed shapes, out-of-object properties); being kept to the end of a long text, theirs would be
 * promoted through the young generation at about twice the cost (GC was ~20 % of the finder's time).
 */
function outputMention(m: Mention, offset: number, end: number, text: string): Mention {
  const out: Mention = { offset, end, surface: text.slice(offset, end), kind: m.kind, key: m.key };
  if (m.confidence !== undefined) out.confidence = m.confidence;
  if (m.part !== undefined) out.part = m.part;
  if (m.volume !== undefined) out.volume = m.volume;
  if (m.date !== undefined) out.date = m.date;
  return out;
}

/**
 * The text is scanned in windows: a body of at most {@link WINDOW_BODY} characters, cut after a line
 * end, plus a lead-in (a list's head, an "Ibid."'s antecedent) and a lead-out (a citation that starts
 * in the body and ends after it). A window keeps only the mentions that start in its body. Windows
 * keep normalisation cheap: a normalised copy of a small window is made in V8's young generation,
 * while a copy of a whole 40 MB text costs ~300 ms of fresh pages on its own.
 */
const WINDOW_BODY = 48_000;
/**
 * Context before a window's body: longer than any list chain's reach back (600 characters) and MAX_GAP of ibid.
 */
const LEAD_IN = 2_000;
/**
 * Context before a window's body that opens in or near a table: longer than most of a table that runs over pages
 * before its rows reach the body. A row is keyed by its table's heading (grammar/resolution/table.ts), which the
 * programme budget's mandate tables print pages before their last rows (A/81/6 (Sect. 24): 2,000 characters keyed
 * 44 rows of Human Rights Council and CCPCJ tables as another body's). Prose windows keep the short lead-in: the
 * long one costs every grammar a quarter more text to read.
 */
const TABLE_LEAD_IN = 12_000;
/** A line that opens with a resolution number ("73/195", "1209 (1998)", "3201 (S-VI)"): a table's row. */
const ROW_LINE = /(?:^|\n)[ \t]*\d{1,4}(?:\/\d{1,4}\b| ?\((?:\d{4}|[A-Z]{1,2}-?[IVXL]*|[IVXL]+)\))/;
/** Context after a window's body: longer than any single citation. */
const LEAD_OUT = 1_000;

/** One window of a text: its body tiles the text; [start, end) is what the grammars read. */
export interface Window {
  start: number;
  bodyStart: number;
  bodyEnd: number;
  end: number;
}

/** Where a window's body ends: after the last line end in its second half, else after a space, else anywhere but inside a surrogate pair. */
function bodyEndAfter(text: string, bodyStart: number): number {
  const limit = bodyStart + WINDOW_BODY;
  if (limit >= text.length) return text.length;
  const half = bodyStart + (WINDOW_BODY >> 1);
  // Searched in the second half only (a slice costs no copy): a text without line ends must not be
  // scanned back to its start for every window.
  const tail = text.slice(half, limit);
  const nl = tail.lastIndexOf('\n');
  if (nl >= 0) return half + nl + 1;
  const sp = tail.lastIndexOf(' ');
  if (sp >= 0) return half + sp + 1;
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}

/** The windows of `text`, in order; their bodies tile it (exported for the benchmarks). */
export function windowsOf(text: string): Window[] {
  const out: Window[] = [];
  for (let bodyStart = 0; bodyStart < text.length; ) {
    const bodyEnd = bodyEndAfter(text, bodyStart);
    // Rows near the window's edge (either side of it) may belong to a table whose heading stands far above.
    const edge = text.slice(Math.max(0, bodyStart - LEAD_IN), Math.min(text.length, bodyStart + LEAD_IN));
    let start = Math.max(0, bodyStart - (bodyStart > 0 && ROW_LINE.test(edge) ? TABLE_LEAD_IN : LEAD_IN));
    if (start > 0) {
      // Start the lead-in at a line start when it has one, so that no window opens inside a word.
      const nl = text.slice(start, bodyStart - 1).indexOf('\n');
      if (nl >= 0) start += nl + 1;
    }
    out.push({ start, bodyStart, bodyEnd, end: Math.min(text.length, bodyEnd + LEAD_OUT) });
    bodyStart = bodyEnd;
  }
  return out;
}

/**
 * Finds every UN citation in `text` (../shared/spec/citation-keys.md): mentions in document
 * order, never overlapping, with UTF-16 offsets into `text` and canonical keys; plus the
 * document's identity (masthead, title line, running heads), which is never a mention.
 * @example findCitations('Recalling its resolution 73/195 of 19 December 2018').mentions[0].key // 'A/RES/73/195'
 */
export function findCitations(text: string, options: FindOptions = {}): FindResult {
  const lang = options.lang ?? detectLang(text);
  const identity = findIdentity(text);
  const openers = findOpeners(text);
  const ownBody = bodyFromSymbol(identity.key);
  const fallback = options.body ?? openers[0]?.body ?? ownBody;
  const docBodyAt = (offset: number): BodyCode | undefined => {
    // The last opener at or before `offset` (openers are sorted): a binary search, as a long text has thousands.
    let lo = 0;
    let hi = openers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (openers[mid]!.offset <= offset) lo = mid + 1;
      else hi = mid;
    }
    return (lo > 0 ? openers[lo - 1]!.body : undefined) ?? fallback;
  };
  const own = identityKeys(identity);
  const ownLengths = new Set([...own].map((k) => k.length));

  const mentions: Mention[] = [];
  const scByNumber = new Map<string, string>();
  for (const w of windowsOf(text)) {
    const norm = normalize(text.slice(w.start, w.end));
    const t = norm.text;
    const latinOnly = norm.latinOnly;
    const ctx: ScanContext = {
      lang,
      scByNumber,
      latinOnly,
      docBodyAt: (o) => docBodyAt(w.start + norm.toOriginal(o)),
    };
    const raw: Mention[] = [];
    // A loop, not push(...found): spreading a list of 100 000+ mentions overflows the call stack.
    const add = (found: Mention[]) => {
      // By length first: a key built by concatenation is only flattened (to be hashed) when it may be one.
      for (const m of found) if (!ownLengths.has(m.key.length) || !own.has(m.key)) raw.push(m);
    };
    for (const scan of GRAMMARS) add(scan(t, ctx));
    if (options.gazetteer) add(options.gazetteer.find(t, latinOnly));

    const chained = chainTreatyIbids(t, resolveOverlaps(raw));
    const ibids = findIbids(t, chained);
    const merged = ibids.length ? resolveOverlaps([...chained, ...ibids]) : chained;
    for (const m of merged) {
      const offset = w.start + norm.toOriginal(m.offset);
      if (offset < w.bodyStart || offset >= w.bodyEnd) continue;
      mentions.push(outputMention(m, offset, w.start + norm.toOriginalEnd(m.end), text));
    }
  }
  // Two windows see the text around their common edge; a citation across it is kept once.
  let overlapping = false;
  for (let i = 1; i < mentions.length && !overlapping; i++) {
    const a = mentions[i - 1]!;
    const b = mentions[i]!;
    overlapping = a.end > b.offset && !(a.offset === b.offset && a.end === b.end && a.kind === b.kind);
  }
  const out = overlapping ? resolveOverlaps(mentions) : mentions;
  return {
    mentions: out,
    identity: identity.key ? { key: identity.key, spans: identity.spans } : { spans: identity.spans },
    lang,
  };
}
