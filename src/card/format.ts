/**
 * Citation formats for a card: UN editorial style, CSL-JSON and BibTeX. Pure functions over
 * {@link CitationData}, so the card, the popup and the trace view copy the same text.
 */
import type { Kind } from '../core/mention';
import { BODY_NAMES, type KeyInfo } from './key-info';

/**
 * A localized UI string by message name (`_locales/<lang>/messages.json`), with `$1`… substitutions. The shells
 * pass one built on `browser.i18n.getMessage`; Node tests one that reads a messages file. Taking it as a
 * parameter keeps the card modules free of browser APIs.
 */
export type Translate = (key: string, substitutions?: string[]) => string;

/** What the formats need to know about one cited thing. */
export interface CitationData {
  info: KeyInfo;
  /** Official title when known. */
  title?: string;
  /** ISO date (adoption, signature, issue) when known. */
  date?: string;
  /** Treaty Series volume when known. */
  volume?: number;
  /**
   * Every volume of the cited instrument when it spans several (UNCLOS: vols. 1833, 1834 and 1835); the
   * formats cite them all. Absent or one volume: `volume` alone.
   */
  volumes?: number[];
  /** Part letters ("A", "A-E") as cited. */
  part?: string;
  /** The address to cite (undocs.org link in the user's language, or a registry page). */
  url?: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Parts of an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); undefined when not one. */
export function dateParts(iso: string | undefined): number[] | undefined {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
}

/** A date as UN style writes it: "19 December 2018" (also "December 2018" or "2018"). */
export function formatUnDate(iso: string | undefined): string | undefined {
  const p = dateParts(iso);
  if (!p) return undefined;
  const [y, mo, d] = p;
  const month = mo ? MONTHS[mo - 1] : undefined;
  if (d && month) return `${d} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return String(y);
}

/**
 * A date in the UI language, in UN style: "19 December 2018", "19 décembre 2018", "19 de diciembre de 2018",
 * "19 декабря 2018 года", "2018年12月19日", "19 كانون الأول/ديسمبر 2018" (also month and year, or the year).
 * Word order, month names and the French "1er" live in the messages (`cardDate…`, `cardMonth…`, `cardDayFirst`);
 * a month or day out of range falls back the way {@link formatUnDate} does.
 */
export function localDate(iso: string | undefined, t: Translate): string | undefined {
  const p = dateParts(iso);
  if (!p) return undefined;
  const [y, mo, d] = p;
  const year = String(y);
  if (!mo || mo > 12) return t('cardDateYear', [year]);
  // Russian declines the month after a day ("декабря") but not alone ("декабрь 2018 года"): two message sets.
  if (d) return t('cardDateDay', [d === 1 ? t('cardDayFirst') : String(d), t(`cardMonth${mo}`), year]);
  return t('cardDateMonth', [t(`cardMonthAlone${mo}`), year]);
}

/** The UNFCCC bodies whose decisions `describeKey` names by acronym; each has its own name messages. */
const UNFCCC_BODIES = new Set(['COP', 'CMP', 'CMA']);

/** The `<ID>` of a body's `cardBody<ID>` / `cardBodyOf<ID>` messages, when it has them. */
function bodyMessage(info: KeyInfo): string | undefined {
  if (info.bodyName)
    return info.body === 'UNFCCC' && UNFCCC_BODIES.has(info.bodyName) ? info.bodyName : undefined;
  return info.body && info.body !== 'other' && info.body !== 'UNFCCC' ? info.body : undefined;
}

/** The body's name in the UI language, for the card's Body fact (an acronym body keeps its acronym). */
export function localBodyName(info: KeyInfo, t: Translate): string | undefined {
  const id = bodyMessage(info);
  if (id) return t(`cardBody${id}`);
  return bodyLabel(info);
}

const LOCAL_KIND: Partial<Record<Kind, [of: string, alone: string]>> = {
  resolution: ['cardResolutionOf', 'cardResolution'],
  decision: ['cardDecisionOf', 'cardDecision'],
};

/**
 * The short name in the UI language, for the card's heading: "General Assembly resolution 73/195",
 * "Résolution 73/195 de l’Assemblée générale", "大会第73/195号决议", "قرار الجمعية العامة 73/195". Each language's
 * word order and case (Russian genitive, French "de l’"/"du") come from the messages, never from concatenation;
 * symbols and instrument titles are shown as given. English output equals {@link citationName}.
 */
export function localName(info: KeyInfo, t: Translate, part?: string): string {
  const names = LOCAL_KIND[info.kind];
  if (names && info.number) {
    const num = localNumber(part ? withPart(info.number, part) : info.number, t);
    const body = bodyMessage(info);
    if (body) return t(names[0], [num, t(`cardBodyOf${body}`)]);
    if (info.bodyName) return t(names[0], [num, t('cardBodyOfAcronym', [info.bodyName])]);
    return t(names[1], [num]);
  }
  if (info.treaty) {
    const series = t(info.treaty.series === 'LNTS' ? 'cardTreatySeriesLNTS' : 'cardTreatySeriesUNTS');
    const name = t('cardTreatyNumber', [series, String(info.treaty.number)]);
    return info.treaty.part === 'II' ? t('cardTreatyPartII', [name]) : name;
  }
  if (info.sales) return t('cardSalesName', [info.sales]);
  if (info.mtdsg) return t('cardMtdsgName', [info.mtdsg]);
  if (info.key.startsWith('instrument:')) return info.key.slice('instrument:'.length);
  return info.key;
}

// "2334 (2016)" → the locale's bracket form (Chinese writes "第2334(2016)号" with no space).
function localNumber(number: string, t: Translate): string {
  const paren = number.lastIndexOf(' (');
  if (paren <= 0 || !number.endsWith(')')) return number;
  return t('cardNumberWithSession', [number.slice(0, paren), number.slice(paren + 2, -1)]);
}

/** The body's name as written before "resolution" (an acronym body keeps its acronym). */
export function bodyLabel(info: KeyInfo): string | undefined {
  if (info.bodyName) return info.bodyName;
  return info.body && info.body !== 'other' ? BODY_NAMES[info.body] : undefined;
}

const KIND_WORD: Partial<Record<Kind, string>> = { resolution: 'resolution', decision: 'decision' };

/**
 * The short name UN texts use: "General Assembly resolution 73/195", "Security Council resolution 2334 (2016)",
 * "United Nations, Treaty Series, No. 30822", "Sales No. 95.XIII.18", or the symbol.
 */
export function citationName(info: KeyInfo, part?: string): string {
  const word = KIND_WORD[info.kind];
  if (word && info.number) {
    const body = bodyLabel(info);
    const num = part ? withPart(info.number, part) : info.number;
    return body ? `${body} ${word} ${num}` : `${word} ${num}`;
  }
  if (info.treaty) {
    const series = info.treaty.series === 'LNTS' ? 'League of Nations' : 'United Nations';
    const part2 = info.treaty.part === 'II' ? ' (part II)' : '';
    return `${series}, Treaty Series, No. ${info.treaty.number}${part2}`;
  }
  if (info.sales) return `Sales No. ${info.sales}`;
  if (info.mtdsg) return `Multilateral treaty ${info.mtdsg} (MTDSG)`;
  if (info.key.startsWith('instrument:')) return info.key.slice('instrument:'.length);
  return info.key;
}

// "1514 (XV)" + "A" → "1514 A (XV)"; "73/195" + "A" → "73/195 A".
function withPart(number: string, part: string): string {
  const paren = number.indexOf(' (');
  return paren > 0 ? `${number.slice(0, paren)} ${part}${number.slice(paren)}` : `${number} ${part}`;
}

/** The instrument's volumes when it spans several, else the one volume cited (or none). */
function volumesOf(c: CitationData): number[] {
  if (c.volumes && c.volumes.length > 1) return c.volumes;
  return c.volume ? [c.volume] : [];
}

/** UN editorial style: "General Assembly resolution 73/195 of 19 December 2018, entitled “…”". */
export function formatUnStyle(c: CitationData): string {
  const { info } = c;
  const date = formatUnDate(c.date);
  if (info.treaty) {
    const series = info.treaty.series === 'LNTS' ? 'League of Nations' : 'United Nations';
    const vs = volumesOf(c);
    const vol =
      vs.length > 1
        ? `, vols. ${vs.slice(0, -1).join(', ')} and ${vs[vs.length - 1]}`
        : vs.length === 1
          ? `, vol. ${vs[0]}`
          : '';
    const head = c.title ? `${c.title} (${date ? `${date}, ` : ''}` : '';
    const tail = c.title ? ')' : '';
    return `${head}${series}, Treaty Series${vol}, No. ${info.treaty.number}${tail}`;
  }
  if (info.sales) {
    const pub = `United Nations publication, Sales No. ${info.sales}`;
    return c.title ? `${c.title} (${pub})` : pub;
  }
  if (KIND_WORD[info.kind] && info.number) {
    const name = citationName(info, c.part);
    const of = date ? ` of ${date}` : '';
    const entitled = c.title ? `, entitled “${c.title}”` : '';
    return `${name}${of}${entitled}`;
  }
  if (info.kind === 'document') {
    const when = date ? `, ${date}` : '';
    return c.title ? `${c.title} (${info.key})${when}` : `${info.key}${when}`;
  }
  return c.title ?? citationName(info);
}

/** The author as CSL and BibTeX want it: the body as an institution. */
function authorName(info: KeyInfo): string {
  const body = bodyLabel(info);
  if (info.treaty || info.sales || !body) return 'United Nations';
  if (info.body === 'UNFCCC') return 'United Nations Framework Convention on Climate Change';
  return `United Nations ${body}`;
}

const CSL_TYPE: Record<Kind, string> = {
  resolution: 'legislation',
  decision: 'legislation',
  document: 'report',
  treaty: 'treaty',
  sales: 'book',
  instrument: 'legislation',
};

/** CSL-JSON (one item, as an array so that it pastes into Zotero / citeproc directly). */
export function formatCslJson(c: CitationData): string {
  const { info } = c;
  const item: Record<string, unknown> = {
    id: info.key,
    type: CSL_TYPE[info.kind],
    title: c.title ?? citationName(info, c.part),
    author: [{ literal: authorName(info) }],
    publisher: 'United Nations',
  };
  if (info.symbol) item.number = info.symbol;
  if (info.treaty) {
    item['container-title'] =
      `${info.treaty.series === 'LNTS' ? 'League of Nations' : 'United Nations'} Treaty Series`;
    item.number = String(info.treaty.number);
    // CSL and BibTeX write a run of volumes as a range.
    const vs = volumesOf(c);
    if (vs.length > 0) item.volume = vs.length > 1 ? `${vs[0]}-${vs[vs.length - 1]}` : String(vs[0]);
  }
  if (info.sales) item.note = `Sales No. ${info.sales}`;
  const parts = dateParts(c.date);
  if (parts) item.issued = { 'date-parts': [parts] };
  else if (info.years) item.issued = { 'date-parts': [[info.years[0]]] };
  if (c.url) item.URL = c.url;
  return JSON.stringify([item], null, 2);
}

// BibTeX special characters; braces are balanced by escaping both.
function bibEscape(s: string): string {
  return s.replace(/[\\{}%&$#_^~]/g, (ch) =>
    ch === '\\' ? '\\textbackslash{}' : ch === '^' || ch === '~' ? `\\${ch}{}` : `\\${ch}`,
  );
}

/** A BibTeX citation key from a canonical key: `A/RES/73/195` → `A_RES_73_195`. */
export function bibtexKey(key: string): string {
  return key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'un_citation';
}

/** BibTeX: a `@misc` entry (biblatex users may change it to `@legislation`; bibtex has no such type). */
export function formatBibtex(c: CitationData): string {
  const { info } = c;
  const parts = dateParts(c.date);
  const fields: [string, string][] = [
    ['author', `{${bibEscape(authorName(info))}}`],
    ['title', `{${bibEscape(c.title ?? citationName(info, c.part))}}`],
  ];
  if (info.symbol) fields.push(['number', bibEscape(info.symbol)]);
  if (info.treaty) {
    fields.push([
      'series',
      info.treaty.series === 'LNTS' ? 'League of Nations Treaty Series' : 'United Nations Treaty Series',
    ]);
    const vs = volumesOf(c);
    if (vs.length > 0)
      fields.push(['volume', vs.length > 1 ? `${vs[0]}--${vs[vs.length - 1]}` : String(vs[0])]);
    fields.push(['number', String(info.treaty.number)]);
  }
  if (info.sales) fields.push(['note', bibEscape(`United Nations publication, Sales No. ${info.sales}`)]);
  const year = parts?.[0] ?? info.years?.[0];
  if (year) fields.push(['year', String(year)]);
  if (parts?.[1]) fields.push(['month', MONTHS[parts[1] - 1]?.slice(0, 3).toLowerCase() ?? '']);
  if (parts?.[2]) fields.push(['date', c.date?.slice(0, 10) ?? '']);
  fields.push(['publisher', 'United Nations']);
  if (c.url) fields.push(['url', c.url]);
  const body = fields
    .filter(([, v]) => v !== '')
    .map(([k, v]) => (k === 'month' ? `  ${k} = ${v}` : `  ${k} = {${v}}`))
    .join(',\n');
  return `@misc{${bibtexKey(info.key)},\n${body}\n}`;
}
