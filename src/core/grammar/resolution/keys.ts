/**
 * From items to mentions: the canonical key each item's number, list and body give (A/RES/73/195,
 * S/RES/2334(2016), E/RES/1989/65, A/HRC/RES/39/13, UNFCCC dec 1/CP.21), and a bare Chinese number
 * keyed from an SC citation of it earlier in the document.
 */
import type { Mention } from '../../mention';
import { romanToNumber } from '../../roman';
import type { ScanContext } from '../context';
import type { BodyCode } from '../lexicon';
import type { Item, Noun } from './types';

/** Bodies that number their resolutions by year ("2006/2"): a commission's text keeps its own. */
const YEAR_BODIES = new Set<BodyCode>([
  'ECOSOC',
  'CHR',
  'CPD',
  'CSW',
  'CSocD',
  'CND',
  'CCPCJ',
  'CSTD',
  'UNFF',
  'CSD',
]);

/**
 * The first decision number of a session or year, by body: the GA numbers its decisions from 401 (4xx
 * elections and appointments, 5xx other), ECOSOC and the Human Rights Council from 101 (ECOSOC from 201 in
 * recent years), while none of them adopts that many resolutions in one session or year.
 */
const FIRST_DECISION: Partial<Record<BodyCode, number>> = { GA: 400, ECOSOC: 100, HRC: 100 };

/**
 * Whether a number is a decision by its range alone: in a list of "resolutions and decisions", a table
 * under no noun; and ECOSOC's "resolution 2019/215" (ECOSOC numbers its resolutions from 1 each year, its
 * decisions from 201: such a number can only be a decision, whatever noun the text put before it).
 */
function decisionByNumber(body: BodyCode, b: number, byNumber: boolean, noun: Noun): boolean {
  const first = FIRST_DECISION[body];
  if (first === undefined) return false;
  if (byNumber) return b > first;
  return noun === 'res' && body === 'ECOSOC' && b > 200;
}

/** The kind, key and confidence of one item, or undefined when its number is no key of its list's body. */
function keyFor(
  item: Item,
  ctx: ScanContext,
): { kind: 'resolution' | 'decision'; key: string; confidence: number } | undefined {
  const noun = item.list.noun ?? 'res';
  if (item.cop)
    return {
      kind: 'decision',
      key: `UNFCCC dec ${Number(item.a)}/${item.cop}.${Number(item.cs)}`,
      confidence: 1,
    };
  let kind: 'resolution' | 'decision' = noun === 'res' ? 'resolution' : 'decision';
  const explicit = item.list.body;
  const docBody = item.list.its ? ctx.docBodyAt?.(item.list.itsAt) : undefined;
  const named = explicit ?? docBody;
  if (item.session) {
    if (item.session.kind === 'year') {
      if (noun === 'dec') return undefined;
      return { kind, key: `S/RES/${Number(item.a)}(${item.session.year})`, confidence: 1 };
    }
    const roman = item.session.roman;
    const special = /^E?S-/.test(roman);
    const value = romanToNumber(roman.replace(/^E?S-/, ''));
    const body = named === 'ECOSOC' || (!named && !special && value > 30) ? 'E' : 'A';
    if (noun === 'dec') return undefined;
    return {
      kind,
      key: `${body}/RES/${Number(item.a)}(${roman})`,
      confidence: named || value > 30 || special ? 1 : 0.9,
    };
  }
  if (item.b === undefined) return undefined;
  const a = Number(item.a);
  const isYear = a >= 1946;
  let body: BodyCode | undefined = named;
  let confidence = 1;
  // A special session's number ("S-32/1", "ES-11/1") is the GA's unless the Human Rights Council is named (or
  // is the "its" of a Council text): the Council numbers its special sessions S-1, S-2 … too, and its S-32/1
  // (Sudan, 5 November 2021) is not the GA's S-32/1 (corruption, 2 June 2021). It holds no emergency session.
  if (item.sp) body = item.sp === 'S' && named === 'HRC' ? 'HRC' : 'GA';
  else if (body === 'SC') body = undefined;
  else if (body === 'ECOSOC' && !isYear) body = undefined;
  if (!body) {
    // Without a possessive, the document's own body still decides a number that cannot be the GA's (a
    // session before the 31st: "resolution 5/1" in a Human Rights Council text) or one numbered by year
    // (a commission's text).
    let own = docBody;
    if (own === undefined && !item.list.its && (isYear || a < 31)) own = ctx.docBodyAt?.(item.start);
    if (isYear) body = own && YEAR_BODIES.has(own) ? own : 'ECOSOC';
    else body = own === 'HRC' ? 'HRC' : 'GA';
    confidence = item.list.its ? 0.9 : 0.7;
  }
  // GA numbers sessions this way from the 31st session (1976); a lower one is another body's.
  if (body === 'GA' && !item.sp && !isYear && a < 31) return undefined;
  if (isYear && (body === 'GA' || body === 'HRC')) body = 'ECOSOC';
  // Built only now: a rejected number makes no string.
  const num = `${item.sp ? `${item.sp}-` : ''}${a}/${Number(item.b)}`;
  const byNumber = item.list.byNumber === true;
  // A body with no decision range known (a commission's "resolutions and decisions" table): resolutions.
  const dec = body ? decisionByNumber(body, Number(item.b), byNumber, noun) : false;
  let outNoun = noun;
  if (dec) outNoun = 'dec';
  else if (byNumber) outNoun = 'res';
  kind = outNoun === 'res' ? 'resolution' : 'decision';
  const T = outNoun === 'res' ? 'RES' : 'DEC';
  switch (body) {
    case 'GA':
      return { kind, key: `A/${T}/${num}`, confidence };
    case 'ECOSOC':
      return { kind, key: `E/${T}/${num}`, confidence };
    case 'HRC':
      return { kind, key: `A/HRC/${T}/${num}`, confidence };
    case 'CHR':
      return { kind, key: `E/CN.4/${T}/${num}`, confidence };
    default:
      return { kind, key: `${body} ${outNoun} ${num}`, confidence };
  }
}

/** The mentions of the items kept, in order (items whose number gives no key are dropped). */
export function toMentions(text: string, items: Item[], ctx: ScanContext): Mention[] {
  const out: Mention[] = [];
  const scByNumber = ctx.scByNumber ?? new Map<string, string>();
  const keyed: (ReturnType<typeof keyFor> | undefined)[] = items.map((item) => {
    if (item.bare) return undefined;
    const k = keyFor(item, ctx);
    if (k?.key.startsWith('S/RES/')) scByNumber.set(item.a.replace(/^0+/, ''), k.key);
    return k;
  });
  items.forEach((item, i) => {
    let k = keyed[i];
    if (item.bare) {
      if (item.list.noun !== 'res') return;
      const key = scByNumber.get(item.a.replace(/^0+/, ''));
      if (!key) return;
      k = { kind: 'resolution', key, confidence: 0.8 };
    }
    if (!k) return;
    const start = item.surfaceStart;
    const end = item.surfaceEnd;
    const mention: Mention = {
      offset: start,
      end,
      surface: text.slice(start, end),
      kind: k.kind,
      key: k.key,
      confidence: k.confidence,
    };
    if (item.part) mention.part = item.part;
    if (item.date) mention.date = item.date;
    out.push(mention);
  });
  return out;
}
