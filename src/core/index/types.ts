import type { Kind, Lang, Placement } from '../mention';

/** Version of the on-disk layout; the loader refuses any other (a stale bundle gives a clear error). */
export const INDEX_FORMAT_VERSION = 1;

/** Bodies and registries an index entry can belong to. */
export type IndexBody = 'GA' | 'SC' | 'ECOSOC' | 'HRC' | 'CHR' | 'UNTS' | 'LNTS' | 'MTDSG' | 'OTHER';

/**
 * Vote counts and where they come from (`official` = UN data_extract or, for the HRC, the OHCHR action
 * text; `undl` = Digital Library, `unvotes` = Voeten).
 */
export interface Votes {
  yes: number;
  no: number;
  abstain: number;
  source: 'official' | 'undl' | 'unvotes' | 'cr-unsc';
}

/**
 * A fact learned from a citing text rather than from a metadata table ("its resolution 60/206 of
 * 22 December 2005 on the facilitation ..."). Always marked with the citing symbol that said it.
 */
export interface DerivedFact {
  /** ISO date the citing text gives. */
  date?: string;
  /** Subject phrase the citing text gives ("on the facilitation and reduction of ..."), without "on". */
  subject?: string;
  /** Key of the citing document. */
  source: string;
  /** Language of the citing text (English when an English text says it). */
  lang: Lang;
  /** How many citing texts (documents × languages) say it. */
  texts?: number;
}

/** One stored entry: everything the data holds on one citable thing. Optional fields are absent when unknown. */
export interface IndexEntry {
  /** Canonical key (spec/citation-keys.md), e.g. `A/RES/77/176`, `S/RES/2334(2016)`, `UNTS I-27531`. */
  key: string;
  kind: Kind;
  body: IndexBody;
  /** Official title (English) when a table has it. */
  title?: string;
  /** Titles in other languages (from the six-language texts or Treaty Series footnotes). */
  titles?: Partial<Record<Lang, string>>;
  /** ISO adoption / signature date. */
  date?: string;
  /** GA / HRC session ("77", "ES-11", "S-32"), or the year for SC / ECOSOC. */
  session?: string;
  /** Part letters adopted under this number ("A;B;C"). */
  parts?: string;
  /** Meeting record symbol (`A/77/PV.53`, `S/PV.7853`) or meeting line. */
  meeting?: string;
  agendaItem?: string;
  committee?: string;
  committeeReport?: string;
  draft?: string;
  /**
   * Of a draft resolution: the key of the resolution adopted on it as issued, whose title is the draft's
   * (scripts/lib/build-index-entries.ts `addDraftTitles` says when).
   */
  adoptedAs?: string;
  /** "Without a vote", "By a recorded vote", "Adopted without a vote | 40th meeting ..." as the source words it. */
  adoption?: string;
  votes?: Votes;
  /** UN Digital Library record ids (resolution document first, then voting records). */
  undlRecords?: string[];
  /**
   * Treaty Series volume(s) of the treaty itself (the instrument first registered under the number); the
   * protocols and amendments registered under the same number later are in {@link IndexEntry.instruments}.
   */
  volumes?: number[];
  /** ISO date the Treaty Series registered the treaty. */
  registered?: string;
  /**
   * Instruments registered under this Treaty Series number after the treaty itself (the Second Optional
   * Protocol to the ICCPR is I-14668 too, in vol. 1642; the Covenant is in vol. 999), each with its volumes.
   */
  instruments?: TreatyInstrument[];
  /** MTDSG chapter-number id ("IV-11") of a treaty, and place of adoption. */
  mtdsg?: string;
  /** MTDSG chapter name ("Human Rights"). */
  chapter?: string;
  place?: string;
  /** Keys of the same thing in another registry (MTDSG ↔ UNTS). */
  sameAs?: string[];
  /** Facts learned from citing texts (see {@link DerivedFact}). */
  derived?: DerivedFact[];
  /** Id of the series (same-subject resolutions over sessions) this entry belongs to. */
  series?: string;
  /** Where the facts come from (folder names of the data). */
  sources?: string[];
  /** True when the index knows the key only because something cites it. */
  stub?: boolean;
}

/** A protocol or amendment registered under its treaty's Treaty Series number (see {@link IndexEntry.instruments}). */
export interface TreatyInstrument {
  /** Volume(s) it is published in: a citation naming one of them names this instrument. */
  volumes: number[];
  /** English title. */
  title?: string;
  /** Titles in other languages. */
  titles?: Partial<Record<Lang, string>>;
  /** ISO date of conclusion. */
  date?: string;
  /** ISO date of registration. */
  registered?: string;
  /** MTDSG chapter-number id of the instrument when the MTDSG lists it apart ("IV-12"). */
  mtdsg?: string;
  /** Where the facts come from. */
  sources?: string[];
}

/**
 * The instrument a Treaty Series citation names, as {@link CitationIndex.lookup} resolved it: `treaty` = the
 * treaty itself (no volume cited, or one of its own); `instrument` = a protocol or amendment whose volume was
 * cited; `volume` = a cited volume the data knows no instrument for (only the volume is shown, never the
 * treaty's title in its place).
 */
export interface CardInstrument extends TreatyInstrument {
  match: 'treaty' | 'instrument' | 'volume';
}

/** A citation edge count as stored: [other key, count, placement bit mask (see {@link PLACEMENT_BITS})]. */
export type StoredEdge = [string, number, number];

/** Bits of a stored edge's placement mask. */
export const PLACEMENT_BITS: Readonly<Record<Placement, number>> = {
  preamble: 1,
  operative: 2,
  footnote: 4,
  other: 8,
};

/** A shard record: the entry plus its graph neighbourhood. */
export interface ShardRecord {
  entry: IndexEntry;
  /** What this document cites. */
  out?: StoredEdge[];
  /** What cites this document. */
  in?: StoredEdge[];
}

/** Members of a series, in date order. */
export interface SeriesRecord {
  id: string;
  title: string;
  keys: string[];
}

/**
 * How the build lays the index out: records over `shards` files by hash of the key (`shards/N.json.gz`), series
 * over `seriesShards`, every file but the manifest and the gazetteer gzipped. The reader hashes keys with the
 * same constant, so the worker opens the shipped index without reading its manifest (`openIndex`).
 */
export const INDEX_LAYOUT: IndexLayout = { shards: 320, seriesShards: 8, compression: 'gzip' };

/** Where an index's files are: how many record and series shards, and whether they are gzipped. */
export interface IndexLayout {
  readonly shards: number;
  readonly seriesShards: number;
  readonly compression?: 'gzip' | undefined;
}

/** `manifest.json`: the build's layout, counts and attribution (reports and the options page read it). */
export interface IndexManifest {
  format: number;
  /** ISO time of the build. */
  built: string;
  /** Number of hash shards (`shards/NN.json`). */
  shards: number;
  /** Number of series shards (`series/NN.json`). */
  seriesShards: number;
  /**
   * `gzip` when every file but the manifest is stored as `<path>.gz` (the loader inflates it with the
   * standard DecompressionStream); absent for plain JSON.
   */
  compression?: 'gzip';
  /** Counts for reports and the popup's "about" line. */
  counts: Record<string, number>;
  /** Attribution lines the UI must show (the UN asks to be acknowledged as the source). */
  attribution: string[];
}

/** A link shown on a card. Links are data: the extension never fetches them. */
export interface CardLink {
  label: 'undocs' | 'digital-library' | 'unts' | 'mtdsg';
  url: string;
  /** The Treaty Series volume a `unts` link opens (its label names it). */
  volume?: number;
}

/** One neighbour in a trace. */
export interface TraceEdge {
  key: string;
  count: number;
  placements: Placement[];
}

/** What {@link CitationIndex.trace} returns. */
export interface Trace {
  key: string;
  recalls: TraceEdge[];
  citedBy: TraceEdge[];
  series: SeriesRecord | undefined;
  counts: { recalls: number; citedBy: number; series: number };
}

/** What {@link CitationIndex.lookup} returns: the stored entry, or a card derived from the key alone. */
export interface Card {
  key: string;
  kind: Kind;
  body: IndexBody;
  /** True when the index holds an entry (with data) for the key. */
  known: boolean;
  entry: IndexEntry | undefined;
  /** Session and years derived from the key when nothing is stored (e.g. "77" and 2022–2023). */
  session?: string;
  years?: [number, number];
  /** Treaty Series keys: the instrument the citation names (by its volume; the treaty itself without one). */
  instrument?: CardInstrument;
  links: CardLink[];
}

/** One search hit. */
export interface SearchHit {
  key: string;
  title?: string;
  date?: string;
  score: number;
  /** `key` when the query parsed as a citation key, `text` for title/number matches. */
  match: 'key' | 'text';
}

/**
 * The loader's injected reader of one index file: its text, its bytes, or a stream of its bytes (the worker
 * gives a fetch's body, inflated as it arrives). The worker reads `runtime.getURL('index/' + path)`, Node
 * tests read files.
 */
export type IndexFetcher = (
  path: string,
) => Promise<ArrayBuffer | ReadableStream<Uint8Array<ArrayBuffer>> | string>;
