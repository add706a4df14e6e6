import type { ScanContext } from './grammar/context';
import type { BodyCode } from './grammar/lexicon';
import { scanOfficialRecords } from './grammar/official-records';
import { scanResolutions } from './grammar/resolution';
import { scanSales } from './grammar/sales';
import { scanSymbols } from './grammar/symbol';
import { scanTreaties } from './grammar/treaty';
import { findIbids, UNDERSTOOD_NOT_RE } from './ibid';
import { bodyFromSymbol, findIdentity, findOpeners, identityKeys } from './identity';
import type { InstrumentMatcher } from './instruments/matcher';
import type { FindResult, Lang, Mention } from './mention';
import { normalize } from './normalize';
import { resolveOverlaps } from './scan';

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
const GRAMMARS: Scanner[] = [scanResolutions, scanSymbols, scanTreaties, scanSales, scanOfficialRecords];

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
 * Finds every UN citation in `text` (../shared/spec/citation-keys.md): mentions in document
 * order, never overlapping, with UTF-16 offsets into `text` and canonical keys; plus the
 * document's identity (masthead, title line, running heads), which is never a mention.
 * @example findCitations('Recalling its resolution 73/195 of 19 December 2018').mentions[0].key // 'A/RES/73/195'
 */
export function findCitations(text: string, options: FindOptions = {}): FindResult {
  const norm = normalize(text);
  const t = norm.text;
  const lang = options.lang ?? detectLang(t);
  const identity = findIdentity(t);
  const openers = findOpeners(t);
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
  const ctx: ScanContext = { lang, docBodyAt };

  const raw: Mention[] = [];
  // A loop, not push(...found): spreading a list of 100 000+ mentions overflows the call stack.
  const add = (found: Mention[]) => {
    for (const m of found) raw.push(m);
  };
  for (const scan of GRAMMARS) add(scan(t, ctx));
  if (options.gazetteer) add(options.gazetteer.find(t));

  const own = identityKeys(identity);
  const kept = resolveOverlaps(raw.filter((m) => !own.has(m.key)));
  const chained = chainTreatyIbids(t, kept);
  const ibids = findIbids(t, chained);
  const merged = ibids.length ? resolveOverlaps([...chained, ...ibids]) : chained;

  const mentions = merged.map((m) => {
    const offset = norm.toOriginal(m.offset);
    const end = norm.toOriginalEnd(m.end);
    const out: Mention = { ...m, offset, end, surface: text.slice(offset, end) };
    // Most mentions never had the flag: skip the delete (a delete can turn an object into a slow dictionary).
    if ('ibid' in out) delete out.ibid;
    return out;
  });
  const spans = identity.spans.map((s) => {
    const offset = norm.toOriginal(s.offset);
    const end = norm.toOriginalEnd(s.end);
    return { ...s, offset, end, surface: text.slice(offset, end) };
  });
  return { mentions, identity: identity.key ? { key: identity.key, spans } : { spans }, lang };
}
