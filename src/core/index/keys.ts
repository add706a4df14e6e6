import type { Kind, Lang } from '../mention';
import { romanToNumber } from '../roman';
import { bodyFromSymbol } from '../symbol-body';
import type { CardLink, IndexBody } from './types';

/** A citation key understood from any common spelling. */
export interface ParsedKey {
  /** Canonical key (spec/citation-keys.md). */
  key: string;
  kind: Kind;
  body: IndexBody;
  /** Part letters written with the number ("217 A (III)" → "A"). */
  part?: string;
  /** Other readings of an ambiguous input (a bare "48/13" may also be an HRC resolution). */
  alternatives?: string[];
}

const ROMAN = '[IVXLC]+';
/** Symbol segments written in mixed case in canonical symbols ("Add.2", "Corr.1", "Sub.2"). */
const MIXED_SEGMENT = /^(add|corr|rev|amend|sub|summary)\.?(\d.*)?$/i;

/**
 * Normalizes a UN document symbol as the spec says: series letters upper-case, `Add.`/`Corr.`/`Rev.`/
 * `Amend.`/`Sub.` so written, no spaces, a reissue asterisk dropped, `L66` → `L.66`.
 * @example normalizeSymbol('e/cn.4/1998/53/ADD. 2') // 'E/CN.4/1998/53/Add.2'
 */
export function normalizeSymbol(symbol: string): string {
  const compact = symbol.replace(/\s+/g, '').replace(/\*+$/, '');
  return compact
    .split('/')
    .map((seg) => {
      const mixed = MIXED_SEGMENT.exec(seg);
      if (mixed) {
        const word = mixed[1]!.toLowerCase();
        return `${word[0]!.toUpperCase()}${word.slice(1)}.${mixed[2] ?? ''}`;
      }
      const l = /^L\.?(\d+)$/i.exec(seg);
      if (l) return `L.${l[1]}`;
      return seg.toUpperCase();
    })
    .join('/');
}

/** Words a user may type before a number ("resolution 73/195", "résolution", "res."): dropped by the parser. */
const LEAD_WORDS =
  /^(?:(?:general assembly|security council|human rights council|economic and social council|ga|sc|unga|unsc|ecosoc|hrc)\s+)?(?:resolutions?|res\.?|résolution|resolución|резолюция|決議|决议|قرار|decisions?|décision|decisión|решение)?\s*(?:no\.?\s*)?/i;

/**
 * Parses a citation key from any usual spelling (the popup's search box, `search()`, tests).
 * Returns undefined when the input is not a key.
 * @example parseKey('a/res/73/195')?.key // 'A/RES/73/195'
 * @example parseKey('2334 (2016)')?.key // 'S/RES/2334(2016)'
 */
export function parseKey(input: string): ParsedKey | undefined {
  let s = input
    .normalize('NFKC')
    .trim()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
  if (!s) return undefined;
  s = s.replace(LEAD_WORDS, '').trim();
  let m: RegExpExecArray | null;

  // Security Council: 2334 (2016), S/RES/2334 (2016), S/RES/2334(2016)
  m = /^(?:S\/RES\/)?(\d{1,4}) ?\((\d{4})\)$/i.exec(s);
  if (m) return { key: `S/RES/${Number(m[1])}(${m[2]})`, kind: 'resolution', body: 'SC' };

  // ECOSOC old style: E/RES/1503 (XLVIII)
  m = new RegExp(`^E\\/RES\\/(\\d{1,4}) ?(?:([A-Z](?:-[A-Z])?) ?)?\\((${ROMAN})\\)$`, 'i').exec(s);
  if (m)
    return withPart(
      { key: `E/RES/${m[1]}(${m[3]!.toUpperCase()})`, kind: 'resolution', body: 'ECOSOC' },
      m[2],
    );

  // GA old style and special / emergency special sessions: 217 A (III), A/RES/217(III)[A], 3201 (S-VI), 2252 (ES-V)
  m = new RegExp(
    `^(?:A\\/RES\\/)?(\\d{1,4}) ?(?:\\[?([A-Z](?: ?(?:-|to) ?[A-Z])?)\\]? ?)?\\(((?:E?S-)?${ROMAN})\\)(?:\\[([A-Z](?:-[A-Z])?)\\])?$`,
    'i',
  ).exec(s);
  if (m)
    return withPart(
      { key: `A/RES/${Number(m[1])}(${m[3]!.toUpperCase()})`, kind: 'resolution', body: 'GA' },
      m[2] ?? m[4],
    );

  // GA special / emergency special session, new style: S-13/2, ES-8/2, A/RES/ES-11/1
  m = /^(?:A\/RES\/)?(E?S)-(\d{1,2})\/(\d{1,3})$/i.exec(s);
  if (m) {
    const parsed: ParsedKey = {
      key: `A/RES/${m[1]!.toUpperCase()}-${Number(m[2])}/${Number(m[3])}`,
      kind: 'resolution',
      body: 'GA',
    };
    // A bare "S-32/1" may also be the Human Rights Council's special session (which holds no emergency one).
    if (!/^A\/RES\//i.test(s) && m[1]!.toUpperCase() === 'S')
      parsed.alternatives = [`A/HRC/RES/S-${Number(m[2])}/${Number(m[3])}`];
    return parsed;
  }

  // Human Rights Council: A/HRC/RES/48/13, A/HRC/RES/S-30/1
  m = /^A\/HRC\/RES\/((?:S-)?\d{1,2})\/(\d{1,3})$/i.exec(s);
  if (m) return { key: `A/HRC/RES/${m[1]!.toUpperCase()}/${Number(m[2])}`, kind: 'resolution', body: 'HRC' };

  // GA new style: A/RES/73/195, 73/195, 43/222 A
  m = /^(?:A\/RES\/)?(\d{1,2})\/(\d{1,3}) ?(?:\[?([A-Z](?:-[A-Z])?)\]?)?\*?$/i.exec(s);
  if (m) {
    const session = Number(m[1]);
    const number = Number(m[2]);
    const parsed: ParsedKey = { key: `A/RES/${session}/${number}`, kind: 'resolution', body: 'GA' };
    // A bare SESSION/NUM is the GA (spec, "What decides the body"); HRC sessions are the other reading.
    if (!/^A\/RES\//i.test(s) && session <= 60) parsed.alternatives = [`A/HRC/RES/${session}/${number}`];
    return withPart(parsed, m[3]);
  }

  // ECOSOC new style: E/RES/2021/1, bare 2021/1; Commission on Human Rights E/CN.4/RES/1996/85
  m = /^(?:E\/RES\/)?((?:19|20)\d\d)\/(\d{1,3})$/i.exec(s);
  if (m) return { key: `E/RES/${m[1]}/${Number(m[2])}`, kind: 'resolution', body: 'ECOSOC' };
  m = /^E\/CN\.4\/RES\/((?:19|20)\d\d)\/(\d{1,3})$/i.exec(s);
  if (m) return { key: `E/CN.4/RES/${m[1]}/${Number(m[2])}`, kind: 'resolution', body: 'CHR' };

  // Decisions (synthetic keys): A/DEC/76/501, E/DEC/2006/201, A/HRC/DEC/19/119
  m = /^(A|E|A\/HRC)\/DEC\/((?:S-)?\d{1,4})\/(\d{1,3})$/i.exec(s);
  if (m) {
    const body: IndexBody = m[1]!.toUpperCase() === 'E' ? 'ECOSOC' : m[1]!.length > 1 ? 'HRC' : 'GA';
    return {
      key: `${m[1]!.toUpperCase()}/DEC/${m[2]!.toUpperCase()}/${Number(m[3])}`,
      kind: 'decision',
      body,
    };
  }

  // Treaty Series: UNTS I-30822, I-30822, UNTS 30822, "vol. 1771, No. 30822", LNTS 1234
  m = /^(?:UNTS ?)?(I{1,2})-(\d{1,6})$/i.exec(s) ?? /^UNTS ?()(\d{1,6})$/i.exec(s);
  if (m) return { key: `UNTS ${(m[1] || 'I').toUpperCase()}-${Number(m[2])}`, kind: 'treaty', body: 'UNTS' };
  m = /(?:Treaty Series, )?vol\. ?\d+, No\. ?(\d{1,6})$/i.exec(s);
  if (m) return { key: `UNTS I-${Number(m[1])}`, kind: 'treaty', body: 'UNTS' };
  m = /^LNTS ?(\d{1,6})$/i.exec(s);
  if (m) return { key: `LNTS ${Number(m[1])}`, kind: 'treaty', body: 'LNTS' };

  // Multilateral treaties deposited with the Secretary-General: MTDSG IV-11
  m = new RegExp(`^MTDSG ?(${ROMAN}-\\d{1,2}(?:-[a-z])?)$`, 'i').exec(s);
  if (m)
    return {
      key: `MTDSG ${m[1]!.toUpperCase().replace(/-([A-Z])$/, (_x, c: string) => `-${c.toLowerCase()}`)}`,
      kind: 'treaty',
      body: 'MTDSG',
    };

  // Sales publications: Sales No. E.95.XIII.18 → Sales No. 95.XIII.18
  m = new RegExp(`^(?:Sales No\\.? ?)?(?:[EFSRCA]\\.)?(\\d{2}\\.${ROMAN}[A-Z]?\\.\\d{1,3})$`, 'i').exec(s);
  if (m && (/^Sales/i.test(s) || /^[EFSRCA]\./i.test(s)))
    return { key: `Sales No. ${m[1]!.toUpperCase()}`, kind: 'sales', body: 'OTHER' };

  // Keys of bodies without a symbol series of their own, and instruments without a registry key.
  m =
    /^(CPD|CSW|CSocD|CND|CCPCJ|CSTD|UNFF|CSD|UNEA|WHA|[A-Z][A-Za-z]{1,9}) res (\d{1,4}\/\d{1,3}|\d{1,4})$/.exec(
      s,
    );
  if (m) return { key: `${m[1]} res ${m[2]}`, kind: 'resolution', body: 'OTHER' };
  // World Health Assembly: "WHA res 72.4", WHO's "WHA72.4"; decisions "WHA dec 65(9)", "WHA65(9)".
  m = /^WHA(?: res )?(\d{1,2})\.(\d{1,2})$/i.exec(s);
  if (m) return { key: `WHA res ${Number(m[1])}.${Number(m[2])}`, kind: 'resolution', body: 'OTHER' };
  m = /^WHA(?: dec )?(\d{1,2}) ?\((\d{1,2})\)$/i.exec(s);
  if (m) return { key: `WHA dec ${Number(m[1])}(${Number(m[2])})`, kind: 'decision', body: 'OTHER' };
  // Depositary notifications: C.N.347.2024.TREATIES-XXVI.6.
  m = /^C\. ?N\. ?(\d{1,5})\. ?(\d{4})\. ?TREATIES(-[IVXL]{1,6}(?:\.\d{1,2}(?:\.[a-z])?)?|-\d{1,3})?$/i.exec(
    s,
  );
  if (m)
    return {
      key: `C.N.${Number(m[1])}.${m[2]}.TREATIES${(m[3] ?? '').toUpperCase().replace(/\.([A-Z])$/, (_x, c: string) => `.${c.toLowerCase()}`)}`,
      kind: 'document',
      body: 'OTHER',
    };
  m = /^(?:UNFCCC dec |decision )?(\d{1,2})\/(CP|CMP|CMA)\. ?(\d{1,2})$/i.exec(s);
  if (m)
    return {
      key: `UNFCCC dec ${Number(m[1])}/${m[2]!.toUpperCase()}.${Number(m[3])}`,
      kind: 'decision',
      body: 'OTHER',
    };
  if (/^instrument:\S/.test(s)) return { key: s, kind: 'instrument', body: 'OTHER' };

  // Any other UN document symbol: a series letter, then slash-separated segments with a digit somewhere.
  if (/^[A-Z][A-Z0-9.-]*(?: ?\/ ?[A-Z0-9.()-]+(?: ?\d+)?)+\*?$/i.test(s) && /\d/.test(s)) {
    const key = normalizeSymbol(s);
    const kind: Kind = /\/RES\//.test(key) ? 'resolution' : 'document';
    return { key, kind, body: bodyOfSymbol(key) };
  }
  return undefined;
}

function withPart(parsed: ParsedKey, part: string | undefined): ParsedKey {
  if (part) parsed.part = part.toUpperCase().replace(/ ?(?:TO|-) ?/, '-');
  return parsed;
}

/** The body a key belongs to: a symbol's by its series letters (symbol-body.ts), else the registry's. */
export function bodyOfSymbol(key: string): IndexBody {
  const body = bodyFromSymbol(key);
  if (body) return body;
  if (/^UNTS /.test(key)) return 'UNTS';
  if (/^LNTS /.test(key)) return 'LNTS';
  if (/^MTDSG /.test(key)) return 'MTDSG';
  return 'OTHER';
}

/**
 * Session and calendar years a key implies without any stored data: GA session n runs from
 * September 1945+n into 1946+n; an SC key carries its year; ECOSOC / CHR keys carry the year.
 */
export function sessionOfKey(key: string): { session?: string; years?: [number, number] } {
  let m = /^A\/RES\/(\d{1,2})\//.exec(key) ?? /^A\/(\d{1,2})\//.exec(key) ?? /^A\/DEC\/(\d{1,2})\//.exec(key);
  if (m) {
    const n = Number(m[1]);
    return { session: String(n), years: [1945 + n, 1946 + n] };
  }
  m = /^A\/RES\/\d+\(([IVXLC]+)\)$/.exec(key);
  if (m) {
    const n = romanToNumber(m[1]!);
    return { session: String(n), years: [1945 + n, 1946 + n] };
  }
  m = /^S\/RES\/\d+\((\d{4})\)$/.exec(key);
  if (m) return { years: [Number(m[1]), Number(m[1])] };
  m =
    /^(?:E|E\/CN\.4|A\/HRC)?\/?(?:RES|DEC)\/((?:19|20)\d\d)\//.exec(key) ?? /^E\/((?:19|20)\d\d)\//.exec(key);
  if (m) return { session: m[1], years: [Number(m[1]), Number(m[1])] };
  m = /^A\/HRC\/(?:RES\/|DEC\/)?(\d{1,2})\//.exec(key);
  if (m) {
    // HRC holds three regular sessions a year since 2006.
    const n = Number(m[1]);
    const y = 2006 + Math.floor((n - 1) / 3);
    return { session: String(n), years: [y, y] };
  }
  return {};
}

/** Whether undocs.org can resolve the key (real symbols; decision keys and registries are synthetic). */
function hasUndocsSymbol(key: string): boolean {
  return /^[A-Z]/.test(key) && key.includes('/') && !/\/DEC\//.test(key) && !/ /.test(key);
}

/**
 * Links for a key: undocs.org in the reader's language, Digital Library records, the Treaty Series
 * volume, the MTDSG page. Links are data shown on the card; the extension never fetches them.
 */
export function linksFor(
  key: string,
  lang: Lang,
  extra: { undlRecords?: string[]; volumes?: number[]; mtdsg?: string } = {},
): CardLink[] {
  const links: CardLink[] = [];
  if (hasUndocsSymbol(key)) links.push({ label: 'undocs', url: `https://undocs.org/${lang}/${key}` });
  for (const id of extra.undlRecords ?? [])
    links.push({ label: 'digital-library', url: `https://digitallibrary.un.org/record/${id}` });
  // Each volume link carries its volume, so the card labels it by what it opens.
  for (const v of extra.volumes ?? [])
    links.push({
      label: 'unts',
      url: `https://treaties.un.org/doc/Publication/UNTS/Volume%20${v}/v${v}.pdf`,
      volume: v,
    });
  const mtdsg = extra.mtdsg ?? /^MTDSG (.+)$/.exec(key)?.[1];
  if (mtdsg) {
    const chapter = romanToNumber((mtdsg.split('-')[0] ?? '').toUpperCase());
    links.push({
      label: 'mtdsg',
      url: `https://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${mtdsg}&chapter=${chapter}&lang=${lang === 'fr' ? 'fr' : 'en'}`,
    });
  }
  return links;
}

/** 32-bit FNV-1a over UTF-16 code units: the shard a key lives in is `fnv1a(key) % shards`. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Shard number of a key. */
export function shardOf(key: string, shards: number): number {
  return fnv1a(key) % shards;
}
