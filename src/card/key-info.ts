/**
 * What a canonical key tells on its own (spec `citation-keys.md`): the body, the number, the session and
 * the years. Used for cards of keys the index does not know, and for links and citation formats.
 * Pure: no DOM, no browser API.
 */
import type { Kind, Lang } from '../core/mention';
import { romanToNumber } from '../core/roman';
import { bodyFromSymbol } from '../core/symbol-body';

/** Bodies the card can name. */
export type BodyId = 'GA' | 'SC' | 'ECOSOC' | 'HRC' | 'CHR' | 'UNFCCC' | 'other';

/** English names of the bodies, as UN style writes them before "resolution". */
export const BODY_NAMES: Record<BodyId, string> = {
  GA: 'General Assembly',
  SC: 'Security Council',
  ECOSOC: 'Economic and Social Council',
  HRC: 'Human Rights Council',
  CHR: 'Commission on Human Rights',
  UNFCCC: 'Conference of the Parties (UNFCCC)',
  other: 'United Nations',
};

/** Facts derived from a key alone. */
export interface KeyInfo {
  key: string;
  kind: Kind;
  body?: BodyId;
  /** Display name of the body, also for `BODY res N` keys ("CPD"). */
  bodyName?: string;
  /** The number as cited: `73/195`, `1514 (XV)`, `2334 (2016)`, `S-13/2`, `1/CP.21`. */
  number?: string;
  /** Session label: `73`, `XV` → 15, `S-6`, `ES-10`. */
  session?: string;
  /** Calendar years the session or the number points at (one or two). */
  years?: [number] | [number, number];
  /** The UN document symbol to open on undocs.org, when the key is one. */
  symbol?: string;
  /** Treaty Series part and registration number. */
  treaty?: { series: 'UNTS' | 'LNTS'; part?: 'I' | 'II'; number: number };
  /** Sales number without the language letter. */
  sales?: string;
  /** MTDSG chapter-number id (`IV-11`) of a multilateral treaty deposited with the Secretary-General. */
  mtdsg?: string;
}

/**
 * Years of a regular GA session: session N opens in September of 1945 + N (session 1 met in 1946,
 * the 73rd opened on 18 September 2018) and runs into the next year.
 */
export function gaSessionYears(session: number): [number, number] {
  return [1945 + session, 1946 + session];
}

/**
 * Years of an HRC session: the Council held 1 to 9 (2006-2008) irregularly, then three regular sessions a year
 * from the 10th (March 2009); a best estimate, shown as such.
 */
function hrcSessionYear(session: number): number | undefined {
  if (session >= 10) return 2009 + Math.floor((session - 10) / 3);
  return undefined;
}

const GA_NEW = /^A\/RES\/(?<s>\d{1,3})\/(?<n>\d{1,4})$/;
const GA_OLD = /^A\/RES\/(?<n>\d{1,4})\((?<s>(?:S-|ES-)?[IVXLC]+)\)$/;
const GA_SPECIAL = /^A\/RES\/(?<t>S|ES)-(?<s>\d{1,2})\/(?<n>\d{1,3})$/;
const SC = /^S\/RES\/(?<n>\d{1,4})\((?<y>\d{4})\)$/;
const E_NEW = /^E\/RES\/(?<y>\d{4})\/(?<n>\d{1,4})$/;
const E_OLD = /^E\/RES\/(?<n>\d{1,4})\((?<s>[IVXLC]+)\)$/;
const HRC = /^A\/HRC\/RES\/(?<s>(?:S-)?\d{1,2})\/(?<n>\d{1,4})$/;
const CHR = /^E\/CN\.4\/RES\/(?<y>\d{4})\/(?<n>\d{1,4})$/;
// "CPD res 2006/2" (year/number), "CCPCJ res 16/1" (session/number), "UNEA res 5", "WHA res 72.4", "WHA dec 65(9)".
const OTHER_RES =
  /^(?<b>[A-Za-z]+) (?:res|dec) (?<num>(?<s>\d{1,4})(?<sep>[/.])\d{1,4}|\d{1,4}(?:\(\d{1,2}\))?)$/;
const DEC = /^(?<b>A|E|A\/HRC)\/DEC\/(?<s>(?:S-|ES-)?\d{1,4})\/(?<n>\d{1,4})$/;
const UNFCCC = /^UNFCCC dec (?<n>\d{1,3})\/(?<t>CP|CMP|CMA)\.(?<s>\d{1,2})$/;
const TREATY = /^(?<series>UNTS|LNTS) (?:(?<part>I|II)-)?(?<n>\d{1,7})$/;
const SALES = /^Sales No\. (?<s>.+)$/;
const MTDSG = /^MTDSG (?<c>[IVXLC]+-\d{1,2}(?:-[a-z])?)$/;

/** Years of a COP/CMP/CMA session: COP 1 met in 1995 (Berlin), CMP 1 in 2005, CMA 1 in 2016, one a year. */
const UNFCCC_FIRST_YEAR: Record<string, number> = { CP: 1995, CMP: 2005, CMA: 2016 };

type Groups = Record<string, string | undefined>;
type Rule = [RegExp, (g: Groups, key: string) => Partial<KeyInfo>];

const RULES: Rule[] = [
  [
    GA_NEW,
    (g, key) => {
      const s = Number(g.s);
      return { body: 'GA', number: `${s}/${g.n}`, session: String(s), years: gaSessionYears(s), symbol: key };
    },
  ],
  [
    GA_SPECIAL,
    (g, key) => {
      const label = `${g.t}-${g.s}`;
      return { body: 'GA', number: `${label}/${g.n}`, session: label, symbol: key };
    },
  ],
  [
    GA_OLD,
    (g, key) => {
      const sess = g.s ?? '';
      const s = /^[IVXLC]+$/.test(sess) ? romanToNumber(sess) : Number.NaN;
      return {
        body: 'GA',
        number: `${g.n} (${sess})`,
        session: Number.isFinite(s) ? String(s) : sess,
        symbol: key,
        ...(Number.isFinite(s) ? { years: gaSessionYears(s) } : {}),
      };
    },
  ],
  [SC, (g, key) => ({ body: 'SC', number: `${g.n} (${g.y})`, years: [Number(g.y)], symbol: key })],
  [E_NEW, (g, key) => ({ body: 'ECOSOC', number: `${g.y}/${g.n}`, years: [Number(g.y)], symbol: key })],
  [
    E_OLD,
    (g, key) => ({
      body: 'ECOSOC',
      number: `${g.n} (${g.s})`,
      session: String(romanToNumber(g.s ?? '')),
      symbol: key,
    }),
  ],
  [
    HRC,
    (g, key) => {
      const sess = g.s ?? '';
      const y = /^\d+$/.test(sess) ? hrcSessionYear(Number(sess)) : undefined;
      return {
        body: 'HRC',
        number: `${sess}/${g.n}`,
        session: sess,
        symbol: key,
        ...(y ? { years: [y] } : {}),
      };
    },
  ],
  [CHR, (g, key) => ({ body: 'CHR', number: `${g.y}/${g.n}`, years: [Number(g.y)], symbol: key })],
  [
    OTHER_RES,
    (g) => {
      const s = g.s ?? '';
      // A four-digit first part is the year; a short one before a slash is the body's session.
      const year = /^\d{4}$/.test(s) ? Number(s) : undefined;
      const session = !year && g.sep === '/' ? String(Number(s)) : undefined;
      return {
        body: 'other',
        bodyName: g.b,
        number: g.num ?? '',
        ...(year ? { years: [year] as [number] } : {}),
        ...(session ? { session } : {}),
      };
    },
  ],
  [
    DEC,
    (g) => {
      const sess = g.s ?? '';
      const body: BodyId = g.b === 'A' ? 'GA' : g.b === 'E' ? 'ECOSOC' : 'HRC';
      const n = Number(sess);
      const years: [number] | [number, number] | undefined =
        body === 'GA' && /^\d+$/.test(sess)
          ? gaSessionYears(n)
          : body === 'ECOSOC' && n > 1900
            ? [n]
            : undefined;
      return {
        body,
        number: `${sess}/${g.n}`,
        ...(body === 'ECOSOC' ? {} : { session: sess }),
        ...(years ? { years } : {}),
      };
    },
  ],
  [
    UNFCCC,
    (g) => {
      const t = g.t ?? 'CP';
      const s = Number(g.s);
      const name = t === 'CP' ? 'COP' : t;
      const first = UNFCCC_FIRST_YEAR[t];
      return {
        body: 'UNFCCC',
        bodyName: name,
        number: `${g.n}/${t}.${s}`,
        session: `${name} ${s}`,
        ...(first ? { years: [first + s - 1] } : {}),
      };
    },
  ],
  [
    TREATY,
    (g) => {
      const series = g.series === 'LNTS' ? 'LNTS' : 'UNTS';
      const part = g.part === 'II' ? 'II' : 'I';
      return { treaty: { series, number: Number(g.n), ...(series === 'UNTS' ? { part } : {}) } };
    },
  ],
  [SALES, (g) => ({ sales: g.s ?? '' })],
  [MTDSG, (g) => ({ mtdsg: g.c ?? '' })],
];

/**
 * What a bare document symbol tells: the body (core/symbol-body.ts: A/HRC/… is the Human Rights Council's,
 * not the Assembly's) and, for GA, HRC and SC/ECOSOC series, the session or year.
 */
function describeSymbol(key: string): Partial<KeyInfo> {
  const body = bodyFromSymbol(key);
  const out: Partial<KeyInfo> = { symbol: key, ...(body ? { body } : {}) };
  const sess = /^A\/(?:[A-Z.0-9]+\/)?(\d{2})\//.exec(key);
  if (body === 'GA' && sess) {
    const s = Number(sess[1]);
    Object.assign(out, { session: String(s), years: gaSessionYears(s) });
  }
  // "A/HRC/52/3": the Council's 52nd session (2023), not the Assembly's 52nd (1997-1998).
  const hrc = /^A\/HRC\/(\d{1,2})\//.exec(key);
  if (body === 'HRC' && hrc) {
    const s = Number(hrc[1]);
    const y = hrcSessionYear(s);
    Object.assign(out, { session: String(s), ...(y ? { years: [y] } : {}) });
  }
  const year = /^(?:S|E)\/(\d{4})\//.exec(key);
  if (year) out.years = [Number(year[1])];
  return out;
}

/** Reads what a canonical key tells. Unknown shapes still get `key`/`kind` (and `symbol` for documents). */
export function describeKey(key: string, kind: Kind): KeyInfo {
  for (const [re, read] of RULES) {
    const m = re.exec(key);
    if (m) return { key, kind, ...read(m.groups ?? {}, key) };
  }
  return kind === 'document' ? { key, kind, ...describeSymbol(key) } : { key, kind };
}

/** undocs.org address of a symbol in a language (undocs.org serves `/{lang}/{symbol}`). */
export function undocsUrl(symbol: string, lang: Lang): string {
  return `https://undocs.org/${lang}/${symbol.split('/').map(encodeURIComponent).join('/')}`;
}

/** Digital Library search for a symbol or phrase; a record id gives the record page instead. */
export function digitalLibraryUrl(query: string, recordId?: string): string {
  if (recordId) return `https://digitallibrary.un.org/record/${encodeURIComponent(recordId)}`;
  return `https://digitallibrary.un.org/search?p=${encodeURIComponent(query)}`;
}

/** Treaty Series volume PDF on treaties.un.org (the path the UN Treaty Collection uses for each volume). */
export function untsVolumeUrl(volume: number): string {
  return `https://treaties.un.org/doc/Publication/UNTS/Volume%20${volume}/v${volume}.pdf`;
}

/** MTDSG status page for a chapter number like `XXVII-7-d`. */
export function mtdsgUrl(mtdsg: string): string {
  const chapter = romanToNumber(mtdsg.split('-')[0] ?? '');
  const ch = Number.isFinite(chapter) ? `&chapter=${chapter}` : '';
  return `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${encodeURIComponent(mtdsg)}${ch}&clang=_en`;
}
