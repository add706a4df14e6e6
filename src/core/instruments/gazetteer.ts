/**
 * The instrument gazetteer: which full titles name which instrument, per language.
 * Pure data and validation; the matcher (`matcher.ts`) compiles it.
 */
import type { Lang } from '../mention.ts';
import { LANGS } from '../mention.ts';

/**
 * One instrument and its full titles as written in UN texts.
 * `key` is the spec key of what the title names (`A/RES/217(III)`, `UNTS I-27531`) or
 * `instrument:SHORT NAME` when it has neither. Keys starting with `block:` are not instruments:
 * they are names of bodies ("Special Committee on ... the Declaration on the Granting of
 * Independence ...") that contain a title which must not be reported there.
 */
export interface GazetteerEntry {
  key: string;
  /** Short English label shown to users. */
  name: string;
  titles: Partial<Record<Lang, string[]>>;
  /**
   * Treaty Series volume of a protocol or amendment registered under its treaty's number (`UNTS I-14668`,
   * vol. 1642: the Second Optional Protocol to the ICCPR, whose own volume is 999). Absent for the treaty
   * itself and for every other key. A mention of such a title carries the volume, so its card is the
   * protocol's, not the treaty's.
   */
  volume?: number;
}

/** What one entry names: its key, and its volume when it is a protocol under a treaty's number. */
export function instrumentId(e: Pick<GazetteerEntry, 'key' | 'volume'>): string {
  return e.volume ? `${e.key} vol. ${e.volume}` : e.key;
}

/** Keys of the forms the spec allows for an instrument (plus `block:` for body names). */
const KEY_RE =
  /^(?:A\/RES\/(?:\d{1,4}\((?:[IVXL]+|S-[IVX]+|ES-[IVX]+)\)|\d{1,3}\/\d{1,3}|S-\d{1,2}\/\d{1,2}|ES-\d{1,2}\/\d{1,2})|S\/RES\/\d{1,4}\(\d{4}\)|E\/RES\/(?:\d{4}\/\d{1,3}|\d{1,4}\([IVXL]+\))|A\/HRC\/RES\/\d{1,2}\/\d{1,3}|UNTS (?:I|II)-\d{1,6}|LNTS \d{1,5}|instrument:[^\s].*|block:[^\s].*)$/;

/** True when `key` is a well-formed instrument key (or a `block:` key). */
export function isValidInstrumentKey(key: string): boolean {
  return KEY_RE.test(key);
}

/** Thrown by {@link parseGazetteer}; the message names the entry and field at fault. */
export class GazetteerError extends Error {
  override name = 'GazetteerError';
}

/**
 * Validates untrusted JSON (a gazetteer file) and returns typed entries.
 * @param json parsed JSON: an array of `{key, name, titles}`
 * @param source a label for error messages (file name)
 * @throws GazetteerError with the index, key and field of the first problem found
 */
export function parseGazetteer(json: unknown, source = 'gazetteer'): GazetteerEntry[] {
  if (!Array.isArray(json)) throw new GazetteerError(`${source}: expected an array of entries`);
  const langs = new Set<string>(LANGS);
  return json.map((raw: unknown, i): GazetteerEntry => {
    const where = `${source}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new GazetteerError(`${where}: expected an object`);
    }
    const { key, name, titles, volume } = raw as Record<string, unknown>;
    if (typeof key !== 'string' || !isValidInstrumentKey(key)) {
      throw new GazetteerError(`${where}: malformed key ${JSON.stringify(key)}`);
    }
    if (typeof name !== 'string' || name.trim() === '') {
      throw new GazetteerError(`${where} (${key}): "name" must be a non-empty string`);
    }
    if (typeof titles !== 'object' || titles === null || Array.isArray(titles)) {
      throw new GazetteerError(`${where} (${key}): "titles" must be an object keyed by language`);
    }
    const out: Partial<Record<Lang, string[]>> = {};
    for (const [lang, list] of Object.entries(titles as Record<string, unknown>)) {
      if (!langs.has(lang)) throw new GazetteerError(`${where} (${key}): unknown language "${lang}"`);
      if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t.trim().length < 4)) {
        throw new GazetteerError(`${where} (${key}): titles.${lang} must be an array of titles (4+ chars)`);
      }
      out[lang as Lang] = list as string[];
    }
    if (volume === undefined) return { key, name, titles: out };
    if (!/^(?:UNTS|LNTS) /.test(key) || typeof volume !== 'number' || !Number.isInteger(volume) || volume < 1)
      throw new GazetteerError(
        `${where} (${key}): "volume" must be a Treaty Series volume of a UNTS/LNTS key`,
      );
    return { key, name, titles: out, volume };
  });
}

/** Comparison form of a title: case, apostrophes, dashes, spaces and Arabic letter forms folded. */
export function titleId(lang: Lang, title: string): string {
  const t = title
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064a')
    .replace(/[\u00ad\u0640\u064b-\u0652]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${lang}:${t}`;
}

/**
 * Merges several gazetteers: entries with the same key (and volume, {@link instrumentId}) become one, titles are the union
 * (first source's order first, duplicates dropped), the first non-empty name wins. A title that
 * an earlier source gives to another key is dropped: earlier sources are the reviewed ones
 * (seed before mined), and one title must name one instrument.
 */
export function mergeGazetteers(...sources: GazetteerEntry[][]): GazetteerEntry[] {
  const byKey = new Map<string, GazetteerEntry>();
  const owner = new Map<string, string>();
  for (const source of sources) {
    const claimed = new Map<string, string>();
    for (const e of source) {
      const id = instrumentId(e);
      let into = byKey.get(id);
      if (!into) {
        into = { key: e.key, name: e.name, titles: {}, ...(e.volume ? { volume: e.volume } : {}) };
        byKey.set(id, into);
      }
      for (const lang of LANGS) {
        const add = e.titles[lang];
        if (!add?.length) continue;
        const have = into.titles[lang] ?? [];
        for (const t of add) {
          const tid = titleId(lang, t);
          const prev = owner.get(tid);
          if (prev !== undefined && prev !== id) continue;
          claimed.set(tid, id);
          if (!have.some((h) => titleId(lang, h) === tid)) have.push(t);
        }
        if (have.length) into.titles[lang] = have;
      }
    }
    for (const [tid, who] of claimed) if (!owner.has(tid)) owner.set(tid, who);
  }
  return [...byKey.values()].filter((e) => Object.keys(e.titles).length > 0);
}
