/**
 * Reads the public tables in ../shared/data (see each folder's PROVENANCE.md) and turns them into
 * compact index entries: GA, SC, HRC and ECOSOC resolutions, MTDSG treaties, titles in six languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyOfSymbol, parseKey } from '../../src/core/index/keys.ts';
import type { IndexEntry, Votes } from '../../src/core/index/types.ts';
import { LATIN_LOOKALIKE } from '../../src/core/lookalikes.ts';
import type { Lang } from '../../src/core/mention.ts';
import { readCsv, readJsonLines } from './data-io.ts';

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** "7 October 2022" → "2022-10-07"; undefined when the text holds no such date. */
export function parseEnglishDate(text: string): string | undefined {
  const m =
    /(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})/i.exec(
      text,
    );
  if (!m) return undefined;
  return isoDate(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
}

/** ISO date from parts, or undefined when the parts are not a calendar date. */
export function isoDate(y: number, mo: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function int(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '' || !/^\d+$/.test(s.trim())) return undefined;
  return Number(s);
}

function votes(r: Record<string, string>, prefix: string, source: Votes['source']): Votes | undefined {
  const yes = int(r[`${prefix}yes`]);
  const no = int(r[`${prefix}no`]);
  const abstain = int(r[`${prefix}abstain`]);
  if (yes === undefined || no === undefined || abstain === undefined) return undefined;
  return { yes, no, abstain, source };
}

/**
 * A Latin-script title with the Greek or Cyrillic letters typed into its Latin words put back as the Latin
 * letters they look like. hrc-dw titles resolution 51/3 "Νeurotechnology and human rights" with a Greek
 * capital Nu: shown, it reads right; searched for, "neurotechnology" does not find it. Only a word that has
 * a Latin letter is changed, so a Greek or Cyrillic word quoted in a title is left whole.
 */
export function latinLookalikes(title: string): string {
  return title.replace(/[\p{L}\p{M}]+/gu, (word) =>
    /[A-Za-z]/.test(word)
      ? word.replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (c) => LATIN_LOOKALIKE[c] ?? c)
      : word,
  );
}

/** Drops empty optional fields so stored JSON carries only what the data holds. */
export function compact<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o))
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0))
      delete (o as Record<string, unknown>)[k];
  return o;
}

/** GA resolutions: combined/ga_resolutions_combined.csv (7,478 rows). */
export function gaEntries(dir: string): IndexEntry[] {
  return readCsv(join(dir, 'combined/ga_resolutions_combined.csv')).map((r) =>
    compact<IndexEntry>({
      key: r.canonical_symbol!,
      kind: 'resolution',
      body: 'GA',
      title: r.title_clean || undefined,
      date: r.date || undefined,
      session: r.session || undefined,
      parts: r.parts || undefined,
      meeting: r.meeting_record || undefined,
      agendaItem: r.akn_agenda_item || r.agenda || undefined,
      committee: r.ga_committee || r.akn_proponent || undefined,
      committeeReport: r.committee_report || undefined,
      draft: r.draft_symbol || undefined,
      adoption: r.adoption_type || undefined,
      votes:
        votes(r, 'official_', 'official') ?? votes(r, 'undl_', 'undl') ?? votes(r, 'unvotes_', 'unvotes'),
      undlRecords: r.undl_record_ids ? r.undl_record_ids.split(';').filter(Boolean) : undefined,
      sources: r.sources ? r.sources.split(';') : undefined,
    }),
  );
}

/** SC resolutions: combined/sc_resolutions_combined.csv (2,796 rows). */
export function scEntries(dir: string): IndexEntry[] {
  return readCsv(join(dir, 'combined/sc_resolutions_combined.csv')).map((r) => {
    const record = /record\/(\d+)/.exec(r.undl_resolution_record_url ?? '')?.[1];
    const subject = /\[(.*)\]\s*$/.exec(r.title ?? '')?.[1];
    return compact<IndexEntry>({
      key: `S/RES/${Number(r.number)}(${r.year})`,
      kind: 'resolution',
      body: 'SC',
      // UNDL titles are "Security Council resolution N (YEAR) [on ...]": the bracket is the subject.
      title: subject ? subject.replace(/^on /, 'On ') : r.title || undefined,
      date: r.date || undefined,
      session: r.year || undefined,
      meeting: r.meeting_record || undefined,
      agendaItem: r.agenda || undefined,
      votes: votes(r, '', 'undl'),
      undlRecords: [record, r.undl_voting_record_id].filter((x): x is string => !!x),
      sources: r.sources ? r.sources.split(';') : undefined,
    });
  });
}

/** Votes written in an HRC "Action taken" text: "by a recorded vote (34 to 2, with 11 abstentions)". */
export function hrcVotes(action: string): Votes | undefined {
  const m = /\((\d+) to (\d+)(?:,? with (\d+|no) abstentions?)?\)/i.exec(action);
  if (!m) return undefined;
  return {
    yes: Number(m[1]),
    no: Number(m[2]),
    abstain: m[3] && m[3] !== 'no' ? Number(m[3]) : 0,
    source: 'official',
  };
}

/** Human Rights Council: hrc-dw/unhrc_resolutions.csv, the 1,140 rows with a symbol. */
export function hrcEntries(dir: string): IndexEntry[] {
  const seen = new Set<string>();
  const out: IndexEntry[] = [];
  for (const r of readCsv(join(dir, 'hrc-dw/unhrc_resolutions.csv'))) {
    let key = r.symbol_derived?.trim();
    // Two special-session rows carry "22/1" for S-22/1 (their title says "resolution S-22/1"):
    // a special session's symbol takes the S- the source dropped.
    const special = /\bresolution (S-\d+\/\d+)/.exec(r.Title ?? '')?.[1];
    if (key && special && !key.includes('/S-') && (r['Session typ'] ?? '').trim() === 'special')
      key = `A/HRC/RES/${special}`;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const action = (r['Action taken'] ?? '').trim();
    out.push(
      compact<IndexEntry>({
        key,
        kind: 'resolution',
        body: 'HRC',
        title: (r.Title ?? '').trim() || undefined,
        date: parseEnglishDate(action),
        session: /^A\/HRC\/RES\/((?:S-)?\d+)\//.exec(key)?.[1],
        adoption: [r.status, action].filter(Boolean).join(' | ') || undefined,
        votes: hrcVotes(action),
        sources: ['hrc-dw'],
      }),
    );
  }
  return out;
}

function parseLooseJsonLine(line: string): Record<string, unknown> | undefined {
  const t = line
    .trim()
    .replace(/^"(?=\{)/, '')
    .replace(/(?<=\})"$/, '');
  try {
    const v = JSON.parse(t);
    return typeof v === 'string' ? JSON.parse(v) : v;
  } catch {
    return undefined;
  }
}

/** ECOSOC: the 147 English AKN4UN files (2021-2025), with the official data_extract for 2024-2025. */
export function ecosocEntries(dir: string): IndexEntry[] {
  const extract = new Map<string, Record<string, unknown>>();
  for (const y of ['2024', '2025']) {
    let text = '';
    try {
      text = readFileSync(join(dir, `unxml-akn4un/data_extract_ecosoc/${y}.json`), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const o = parseLooseJsonLine(line);
      if (o && typeof o.symbol === 'string') extract.set(o.symbol, o);
    }
  }
  return readCsv(join(dir, 'unxml-akn4un/resolutions_metadata_en.csv'))
    .filter((r) => r.body === 'ECOSOC')
    .map((r) => {
      const x = extract.get(r.symbol!);
      const counts = ['MS_in_favour_count', 'MS_against_count', 'MS_abstaining_count'].map((k) =>
        int(String(x?.[k] ?? '')),
      );
      const recorded = typeof x?.adoption_type === 'string' && /recorded/i.test(x.adoption_type);
      return compact<IndexEntry>({
        key: r.symbol!,
        kind: 'resolution',
        body: 'ECOSOC',
        title: r.title || undefined,
        date: r.adoption_date || undefined,
        session: /^E\/RES\/(\d{4})\//.exec(r.symbol!)?.[1],
        committee: r.proponent || undefined,
        agendaItem: r.agenda_item || undefined,
        meeting: typeof x?.sr === 'string' ? x.sr : undefined,
        draft: typeof x?.originating_document === 'string' ? x.originating_document : undefined,
        adoption: typeof x?.adoption_type === 'string' ? x.adoption_type : undefined,
        votes:
          recorded && counts.every((c) => c !== undefined)
            ? { yes: counts[0]!, no: counts[1]!, abstain: counts[2]!, source: 'official' }
            : undefined,
        sources: ['unxml-akn4un', ...(x ? ['unxml-data_extract'] : [])],
      });
    });
}

/** MTDSG treaties: untreaties-zmjones/index.csv (401 rows): title, place, date, MTDSG id. */
export function mtdsgEntries(dir: string): IndexEntry[] {
  return readCsv(join(dir, 'untreaties-zmjones/index.csv')).map((r) => {
    const id = /mtdsg_no=([^&]+)/.exec(r.url ?? '')?.[1] ?? `${r.chapter_no}-${r.treaty_no}`;
    const name = (r.treaty_name ?? '').trim();
    // "Title. Place, 20 November 1989" (place optional); the date may be a range ("... and 9 November 1977").
    const m = /^(.*?)\.\s+(?:([^.,]+?),\s+)?(\d{1,2} [A-Z][a-z]+ \d{4}(?: and .*)?)\s*$/.exec(name);
    return compact<IndexEntry>({
      key: `MTDSG ${id}`,
      kind: 'treaty',
      body: 'MTDSG',
      title: (m?.[1] ?? name).replace(/\*$/, ''),
      place: m?.[2],
      date: m ? parseEnglishDate(m[3]!) : undefined,
      mtdsg: id,
      chapter: r.chapter_name || undefined,
      sources: ['untreaties-zmjones'],
    });
  });
}

/** Folders of the six-language AKN4UN texts (GA/ECOSOC resolutions, GA decisions, HRC resolutions). */
export const TEXT_SETS = ['unxml-akn4un', 'unxml-gadecisions', 'unxml-hrcresolutions'] as const;

/**
 * The key a text of the AKN4UN exports is cited by: its symbol without the part letters the export keeps
 * ("A/RES/77/264 A-C", "A/DEC/77/505 B" → "A/RES/77/264", "A/DEC/77/505"), the parts being one document's.
 */
export function textKey(symbol: string): string {
  const bare = symbol.trim().replace(/ [A-Z](?:-[A-Z])?$/, '');
  return parseKey(bare)?.key ?? bare;
}

/** Part letters of an export symbol ("A/DEC/76/416 A-B" → ["A", "B"]), none for a single-part text. */
function partsOf(symbol: string): string[] {
  const m = / ([A-Z])(?:-([A-Z]))?$/.exec(symbol.trim());
  if (!m) return [];
  const out: string[] = [];
  for (let c = m[1]!.charCodeAt(0); c <= (m[2] ?? m[1]!).charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}

/**
 * GA decisions of sessions 76-78: unxml-gadecisions/metadata_en.csv (228 English records). A decision
 * adopted in parts (A/DEC/76/402 B, A/DEC/76/416 A-B) is one entry under its number with the parts
 * listed; the title and date are those of its first part in the data.
 */
export function gaDecisionEntries(dir: string): IndexEntry[] {
  const byKey = new Map<string, IndexEntry>();
  for (const r of readCsv(join(dir, 'unxml-gadecisions/metadata_en.csv'))) {
    const key = textKey(r.symbol!);
    const parts = partsOf(r.symbol!);
    const cur = byKey.get(key);
    if (cur) {
      const all = new Set([...(cur.parts?.split(';') ?? []), ...parts]);
      cur.parts = [...all].sort().join(';') || undefined;
      continue;
    }
    byKey.set(
      key,
      compact<IndexEntry>({
        key,
        kind: 'decision',
        body: 'GA',
        // "B. Adoption of the agenda …": the part letter heads one English title; it is in `parts`.
        title: (r.title ?? '').replace(/^[A-Z]\.\s+/, '').trim() || undefined,
        date: r.adoption_date || undefined,
        session: /^A\/DEC\/(\d+)\//.exec(key)?.[1],
        parts: parts.join(';') || undefined,
        committee: r.proponent || undefined,
        agendaItem: r.agenda_item || undefined,
        sources: ['unxml-gadecisions'],
      }),
    );
  }
  return [...byKey.values()];
}

/** One row of unxml-hrcresolutions/metadata.jsonl (the Council's own data_extract, normalised). */
interface HrcExtractRow {
  symbol: string;
  session: number;
  title?: string;
  adoption_date?: string;
  adoption_meeting?: string;
  draft_resolution?: string;
  agenda_item?: string;
  adoption_type?: string;
  votes?: { in_favour: number; against: number; abstaining: number } | null;
}

/**
 * Human Rights Council resolutions of sessions 52-60 from the Council's official metadata
 * (unxml-hrcresolutions/metadata.jsonl, 186 rows): title, date, meeting, draft, agenda item, adoption and
 * recorded votes. The build lays them over the hrc-dw rows of the same key (official data first).
 */
export function hrcOfficialEntries(dir: string): IndexEntry[] {
  return readJsonLines<HrcExtractRow>(join(dir, 'unxml-hrcresolutions/metadata.jsonl')).map((r) =>
    compact<IndexEntry>({
      key: textKey(r.symbol),
      kind: 'resolution',
      body: 'HRC',
      title: r.title?.trim() || undefined,
      date: r.adoption_date || undefined,
      session: String(r.session),
      meeting: r.adoption_meeting || undefined,
      agendaItem: r.agenda_item || undefined,
      draft: r.draft_resolution || undefined,
      adoption: r.adoption_type || undefined,
      votes: r.votes
        ? { yes: r.votes.in_favour, no: r.votes.against, abstain: r.votes.abstaining, source: 'official' }
        : undefined,
      sources: ['unxml-hrcresolutions'],
    }),
  );
}

/**
 * A Treaty Series registration as the UN Treaty Collection lists it (untc-registrations): the treaty
 * itself, registered under its number; protocols and amendments later registered under the same number
 * are not in this table. `[number key, volumes, title, registered, concluded]`.
 */
export type UntsRegistrationRow = [string, number[], string, string, string?];

/**
 * untc-registrations/registrations.csv (1,551 rows): `UNTS I-3988` / `UNTS II-5` / `LNTS 56` keys. Titles the
 * search page cut ("...") stay cut (marked by the ellipsis); the first conclusion date of several is kept.
 */
export function untsRegistrations(dir: string): UntsRegistrationRow[] {
  return readCsv(join(dir, 'untc-registrations/registrations.csv')).map((r) => {
    const m = /^(I{1,2}|LoN)-(\d+)$/.exec(r.reg_num ?? '');
    const key = !m ? (r.reg_num ?? '') : m[1] === 'LoN' ? `LNTS ${m[2]}` : `UNTS ${m[1]}-${m[2]}`;
    const volumes = (r.volume ?? '')
      .split(';')
      .filter((v) => /^\d+$/.test(v))
      .map(Number);
    const concluded = (r.conclusion_date ?? '').split(';')[0];
    const row: UntsRegistrationRow = [key, volumes, (r.title ?? '').trim(), r.reg_date ?? ''];
    if (concluded) row.push(concluded);
    return row;
  });
}

/**
 * Document titles of un-reports-metadata/reports_metadata.csv: 955 reports of 2025 and the Secretary-General's
 * programme-budget-implication statements, each by its symbol; and, from each statement's title
 * ("2005 World Summit Outcome : programme budget implications of draft resolution A/60/L.1 : statement …"),
 * the title of the draft resolution it names, which is the text before that phrase (a draft resolution
 * carries the title of the resolution proposed). Rows without a title
 * (Fifth Committee and ACABQ stages) give nothing.
 */
export function documentEntries(dir: string): IndexEntry[] {
  const out = new Map<string, IndexEntry>();
  const add = (symbol: string, title: string, extra: Partial<IndexEntry>) => {
    const parsed = parseKey(symbol);
    if (parsed?.kind !== 'document' || !title || out.has(parsed.key)) return;
    out.set(
      parsed.key,
      compact<IndexEntry>({
        key: parsed.key,
        kind: 'document',
        body: parsed.body ?? bodyOfSymbol(parsed.key),
        title,
        ...extra,
        sources: ['un-reports-metadata'],
      }),
    );
  };
  const rows = readCsv(join(dir, 'un-reports-metadata/reports_metadata.csv'));
  for (const r of rows) add(r.symbol ?? '', (r.title ?? '').trim(), { date: r.date || undefined });
  for (const r of rows) {
    // The draft the statement names (its revision when it names one, "A/C.1/47/L.1/Rev.2").
    const m = /^(.{4,300}?) : programme budget implications of draft resolution (\S+)/i.exec(r.title ?? '');
    if (r.source === 'pbi_dashboard' && m) add(m[2]!.replace(/[.,;:]+$/, ''), m[1]!.trim(), {});
  }
  return [...out.values()];
}

/** One resolution or decision text of the six-language AKN4UN exports (texts_<lang>.jsonl.gz). */
export interface AknText {
  body: 'GA' | 'ECOSOC' | 'HRC';
  lang: Lang;
  symbol: string;
  title: string;
  adoption_date: string;
  preamble: string[];
  operative: string[];
  conclusions?: string;
}
