/**
 * The index build's Treaty Series phase: one entry per registration number holding the instruments registered
 * under it. The treaty itself comes from the UN Treaty Collection's registrations (data/tables/unts.json.gz:
 * number, volumes, title, dates); the protocols and amendments later registered under the same number, and
 * titles in six languages, come from the footnotes that cite them (data/mined/treaties.json.gz), one instrument
 * per cited volume; MTDSG entries are linked by title. Where the sources disagree (a footnote titles the
 * treaty's own volume otherwise, cites a volume older than the registration, the MTDSG dates it otherwise),
 * the registration is kept and the disagreement is returned for `npm run index:report`, never resolved quietly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexEntry, TreatyInstrument } from '../../src/core/index/types.ts';
import type { Lang } from '../../src/core/mention.ts';
import { type Build, normTitle } from './build-index-entries.ts';
import { readJson } from './data-io.ts';
import type { MinedInstrument, MinedTreaty } from './mine-treaties.ts';
import type { UntsRegistrationRow } from './source-tables.ts';

/** A disagreement between two sources about one registration. */
export interface TreatyConflict {
  key: string;
  /** `title`: the footnotes give the treaty's own volume another title; `volume`: a cited volume precedes
   * the registration's; `date`: the MTDSG's date of adoption is not the registration's date of conclusion. */
  kind: 'title' | 'volume' | 'date';
  /** What each source says. */
  registration: string;
  other: string;
  /** The other source (folder of the data). */
  source: string;
}

const FOOTNOTES = 'unxml-akn4un (footnotes)';
const REGISTRATIONS = 'untc-registrations';

/**
 * Whether two titles name the same instrument: equal once case, punctuation, a trailing parenthesis ("(CMR)")
 * and a trailing date or year ("of 12 August 1949", ", 1992") are set aside; a title the search page cut
 * ("International Convention on ...") matches what it is the start of.
 */
function sameTitle(registration: string, other: string): boolean {
  const cut = /\.\.\.$/.test(registration);
  const bare = (t: string) =>
    normTitle(
      t
        .replace(/\.\.\.$/, '')
        .replace(/\s*\([^()]*\)\.?$/, '')
        .replace(/,?\s+(?:(?:of|adopted(?: on)?|done|signed)\s+)?(?:\d{1,2}\s+\p{L}+\s+)?\d{4}\b.*$/iu, ''),
    );
  const a = bare(registration);
  const b = bare(other);
  return cut ? b.startsWith(a) : a === b;
}

/**
 * A footnote that cites several volumes under one number may be one instrument printed over several volumes
 * (UNCLOS, vols. 1833-1835) or the treaty and its protocols together (CRC "and the Optional Protocols thereto",
 * vols. 1577, 2171, 2173): the latter is not an instrument. So a volume list counts only when none of its
 * volumes is cited alone, and a title naming the protocols in the plural is nobody's.
 */
function usableInstruments(t: MinedTreaty): MinedInstrument[] {
  const alone = new Set(t.instruments.filter((i) => i.volumes.length === 1).map((i) => i.volumes[0]!));
  const plural =
    /\b(?:Protocols|Protocoles|Protocolos|протоколы|протоколов|протоколам)\b|議定書和|بروتوكولي|بروتوكولات/iu;
  return t.instruments
    .filter((i) => i.volumes.length === 1 || !i.volumes.some((v) => alone.has(v)))
    .map((i) => (Object.values(i.titles).some((x) => plural.test(x ?? '')) ? { ...i, titles: {} } : i));
}

function instrumentOf(i: MinedInstrument): TreatyInstrument {
  const { en, ...rest } = i.titles;
  return {
    volumes: i.volumes,
    ...(en ? { title: en } : {}),
    ...(Object.keys(rest).length > 0 ? { titles: rest } : {}),
    sources: [FOOTNOTES],
  };
}

/** The MTDSG entry of a title ("Convention on the Rights of the Child, adopted ..." → its MTDSG twin). */
function twinFinder(entries: Map<string, IndexEntry>): (title: string | undefined) => IndexEntry | undefined {
  const byTitle = new Map<string, IndexEntry>();
  for (const e of entries.values()) if (e.body === 'MTDSG' && e.title) byTitle.set(normTitle(e.title), e);
  // Treaty titles keep their years and ordinals ("International Coffee Agreement, 1968" is not 1976).
  // The title as given first, then without a trailing ", adopted …" / "of 12 August 1949" ("… of the Child"
  // keeps its "of").
  return (title) => {
    if (!title) return undefined;
    const forms = [
      title,
      title.replace(/,\s+(?:of|adopted|done|signed)\b.*$/, ''),
      title.replace(/,?\s+of\s+(?:\d{1,2}\s+\p{L}+\s+)?\d{4}\b.*$/u, ''),
    ];
    for (const f of forms) {
      const twin = byTitle.get(normTitle(f));
      if (twin) return twin;
    }
    return undefined;
  };
}

/** The MTDSG lists one instrument in English only: its titles in other languages are the Treaty Series twin's. */
function shareTitles(twin: IndexEntry, titles: Partial<Record<Lang, string>> | undefined): void {
  for (const [lang, title] of Object.entries(titles ?? {}) as [Lang, string][])
    if (!twin.titles?.[lang]) twin.titles = { ...twin.titles, [lang]: title };
}

/**
 * Adds a Treaty Series entry per registration number known from the registrations or the footnotes, with its
 * instruments, and returns the conflicts between the sources. Sets the `unts_*` and `treaty_conflicts` counts.
 */
export function addTreaties(dataDir: string, { entries, counts }: Build): TreatyConflict[] {
  const conflicts: TreatyConflict[] = [];
  const regPath = join(dataDir, 'tables/unts.json.gz');
  const regs = new Map<string, UntsRegistrationRow[]>();
  for (const row of existsSync(regPath) ? readJson<UntsRegistrationRow[]>(regPath) : [])
    regs.set(row[0], [...(regs.get(row[0]) ?? []), row]);
  const mined = new Map(
    readJson<MinedTreaty[]>(join(dataDir, 'mined/treaties.json.gz')).map((t) => [t.key, t]),
  );
  const twinOf = twinFinder(entries);
  const keys = [...new Set([...regs.keys(), ...mined.keys()])];
  let instruments = 0;
  for (const key of keys) {
    const rows = regs.get(key) ?? [];
    const t = mined.get(key);
    const cited = t ? usableInstruments(t) : [];
    const [first, ...more] = rows;
    const e: IndexEntry = {
      key,
      kind: 'treaty',
      body: key.startsWith('LNTS') ? 'LNTS' : 'UNTS',
      sources: [...(first ? [REGISTRATIONS] : []), ...(t ? [FOOTNOTES] : [])],
    };
    let ownVolumes = first?.[1] ?? [];
    // The cited instrument that is the treaty itself: the one in the registration's volume; without a known
    // volume, the one the footnotes title as the registration does; with no registration, the lowest volume.
    let itself: MinedInstrument | undefined;
    if (!first) itself = cited[0];
    else if (ownVolumes.length > 0) itself = cited.find((i) => i.volumes.some((v) => ownVolumes.includes(v)));
    else itself = cited.find((i) => i.titles.en && sameTitle(first[2], i.titles.en));
    if (itself && ownVolumes.length === 0) ownVolumes = itself.volumes;
    if (first) {
      // A title the search page cut is completed from the footnotes when they start the same way.
      const full = itself?.titles.en && sameTitle(first[2], itself.titles.en) ? itself.titles.en : undefined;
      e.title = /\.\.\.$/.test(first[2]) && full ? full : first[2] || itself?.titles.en;
      if (first[4]) e.date = first[4];
      if (first[3]) e.registered = first[3];
      if (itself?.titles.en && !sameTitle(first[2], itself.titles.en))
        conflicts.push({
          key,
          kind: 'title',
          registration: `vol. ${ownVolumes.join(', ')}: ${first[2]}`,
          other: itself.titles.en,
          source: FOOTNOTES,
        });
    } else if (itself?.titles.en) e.title = itself.titles.en;
    if (itself) {
      const { en: _en, ...rest } = itself.titles;
      if (Object.keys(rest).length > 0) e.titles = rest as Partial<Record<Lang, string>>;
    }
    if (ownVolumes.length > 0) e.volumes = ownVolumes;
    const later: TreatyInstrument[] = [];
    // Several UNTC records under one number (I-20: the IMF's and the IBRD's Articles of Agreement).
    for (const r of more)
      later.push({
        volumes: r[1],
        ...(r[2] ? { title: r[2] } : {}),
        ...(r[4] ? { date: r[4] } : {}),
        registered: r[3],
        sources: [REGISTRATIONS],
      });
    for (const i of cited) {
      if (i === itself) continue;
      if (first && ownVolumes.length > 0 && i.volumes[0]! < ownVolumes[0]!)
        conflicts.push({
          key,
          kind: 'volume',
          registration: `vol. ${ownVolumes.join(', ')}: ${first[2]}`,
          other: `vol. ${i.volumes.join(', ')}${i.titles.en ? `: ${i.titles.en}` : ''}`,
          source: FOOTNOTES,
        });
      // An instrument registered under the number later is in a later volume: an earlier one is a misprint.
      if (i.volumes.some((v) => ownVolumes.includes(v)) || i.volumes[0]! < (ownVolumes[0] ?? 0)) continue;
      const inst = instrumentOf(i);
      const twin = twinOf(inst.title);
      if (twin?.mtdsg) {
        inst.mtdsg = twin.mtdsg;
        shareTitles(twin, inst.titles);
      }
      later.push(inst);
    }
    if (later.length > 0) e.instruments = later;
    instruments += 1 + later.length;
    const twin = twinOf(e.title);
    if (twin) {
      e.sameAs = [twin.key];
      // The card of the treaty links its MTDSG status page too.
      if (twin.mtdsg) e.mtdsg = twin.mtdsg;
      twin.sameAs = [...(twin.sameAs ?? []), key];
      counts.treaties_linked_to_mtdsg = (counts.treaties_linked_to_mtdsg ?? 0) + 1;
      if (twin.date && e.date && twin.date !== e.date)
        conflicts.push({
          key,
          kind: 'date',
          registration: `concluded ${e.date}`,
          other: `${twin.key} adopted ${twin.date}`,
          source: 'untreaties-zmjones',
        });
    }
    entries.set(key, e);
  }
  counts.unts_registrations = regs.size;
  counts.unts_instruments = instruments;
  counts.treaty_conflicts = conflicts.length;
  return conflicts;
}

/**
 * Gives each MTDSG entry the other-language titles of its Treaty Series twin (`sameAs`), once the gazetteer has
 * added its titles to the treaties: the MTDSG table is English only.
 */
export function shareTwinTitles({ entries }: Build): void {
  for (const e of entries.values()) {
    if (e.body !== 'UNTS' || !e.titles) continue;
    for (const k of e.sameAs ?? []) {
      const twin = entries.get(k);
      if (twin?.body === 'MTDSG') shareTitles(twin, e.titles);
    }
  }
}
