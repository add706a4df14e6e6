/**
 * The card's pure view model: (citation, what the worker answered, page facts) → the fields the renderer shows.
 * No DOM here, so every card state (known entry, derived-only key, worker down, index missing) is unit-tested.
 */
import type { Card, IndexEntry } from '../core/index/types';
import type { Kind, Lang } from '../core/mention';
import type { ProtocolError } from '../shared/protocol';
import { agendaItemText, parseAgenda } from './agenda';
import {
  type CitationData,
  citationName,
  formatBibtex,
  formatCslJson,
  formatUnStyle,
  localBodyName,
  localDate,
  localName,
  type Translate,
} from './format';
import { describeKey, digitalLibraryUrl, type KeyInfo, mtdsgUrl, undocsUrl, untsVolumeUrl } from './key-info';
import { isLibraryDescription, titleAsWritten } from './library-title';
import { type CardLinkModel, dedupeLinks, recordLinks, symbolRefs, workerLinks } from './links';
import { sessionText } from './session';

export type { Translate } from './format';

/** What the worker said about the key, or that it has not answered yet. */
export type LookupState =
  | { status: 'loading' }
  | { status: 'ok'; card: Card }
  | { status: 'error'; error: ProtocolError };

/** Everything the view model needs. */
export interface CardInput {
  key: string;
  kind: Kind;
  /** The mention's own fields (surface, date the citing text gives, part, volume). */
  surface?: string;
  date?: string;
  part?: string;
  volume?: number;
  lookup: LookupState;
  /** 1-based position among this key's mentions on the page, and their number. */
  occurrence: { index: number; total: number };
  /** Language of undocs.org links. */
  linkLang: Lang;
  /** Language of the page. */
  pageLang: Lang;
  /**
   * Language of the card (labels, title where the index has it, direction); the page's unless the reader's
   * setting says otherwise (src/shared/settings.ts `cardLang`). The caller translates with the same language.
   */
  cardLang?: Lang;
}

/** A label/value line of the card. */
export interface CardFact {
  label: string;
  value: string;
  /** Language of the value when it is not the card's (source text the index has only in English). */
  lang?: Lang;
}

export type { CardLinkModel } from './links';

/** What the renderer shows. All strings are plain text (rendered with textContent). */
export interface CardModel {
  key: string;
  kind: Kind;
  /** Direction of the card's language (not of the page's: an English card on an Arabic page reads LTR). */
  dir: 'ltr' | 'rtl';
  /** Language of the card's labels (the card's language). */
  lang: Lang;
  /** "General Assembly resolution 73/195". */
  heading: string;
  /** Kind label shown above the heading ("Resolution", "Treaty"). */
  kindLabel: string;
  title?: string;
  /** Language of the title when the index has it only in another one (English): shown marked as such. */
  titleLang?: Lang;
  status: 'loading' | 'known' | 'derived' | 'error';
  /** A sentence shown when data is missing or the worker failed. */
  notice?: string;
  facts: CardFact[];
  links: CardLinkModel[];
  occurrence: { index: number; total: number };
  citation: { un: string; csl: string; bibtex: string };
}

/** Message names of the kind labels. */
const KIND_LABEL: Record<Kind, string> = {
  resolution: 'cardKindResolution',
  decision: 'cardKindDecision',
  document: 'cardKindDocument',
  treaty: 'cardKindTreaty',
  sales: 'cardKindSales',
  instrument: 'cardKindInstrument',
};

/** Message names of why a lookup failed, in words for the user. */
export const ERROR_TEXT: Record<ProtocolError['code'], string> = {
  'bad-request': 'cardErrorBadRequest',
  'unknown-message': 'cardErrorUnknownMessage',
  'not-found': 'cardErrorNotFound',
  'index-unavailable': 'cardErrorIndexUnavailable',
  'no-receiver': 'cardErrorNoReceiver',
  internal: 'cardErrorInternal',
};

/** How a resolution was adopted; `lang` is set when the words are the source's own English. */
function adoptionFact(
  t: Translate,
  entry: IndexEntry | undefined,
): { value: string; lang?: Lang } | undefined {
  if (!entry) return undefined;
  if (entry.votes) {
    const v = entry.votes;
    return {
      value: t(v.abstain === 1 ? 'cardRecordedVoteOneAbstention' : 'cardRecordedVote', [
        String(v.yes),
        String(v.no),
        String(v.abstain),
      ]),
    };
  }
  const adoption = entry.adoption?.split('|')[0]?.trim();
  // The source's English words; the usual one has the reader's words.
  if (adoption && /^(adopted )?without a vote$/i.test(adoption))
    return { value: t('cardAdoptedWithoutVote') };
  return adoption ? { value: adoption, lang: 'en' } : undefined;
}

/** Links derivable from the key alone (used when the worker gives none, e.g. when it is down). */
export function linksFromKey(
  t: Translate,
  info: KeyInfo,
  lang: Lang,
  volume?: number,
  recordId?: string,
): CardLinkModel[] {
  const links: CardLinkModel[] = [];
  if (info.symbol) links.push({ label: t('cardLinkUndocs'), url: undocsUrl(info.symbol, lang) });
  if (info.treaty && volume && info.treaty.series === 'UNTS') {
    links.push({ label: t('cardLinkUntsVolume', [String(volume)]), url: untsVolumeUrl(volume) });
  }
  if (info.mtdsg) links.push({ label: t('cardLinkMtdsg'), url: mtdsgUrl(info.mtdsg) });
  const query = info.symbol ?? (info.sales ? info.sales : citationName(info));
  if (!info.key.startsWith('instrument:') || recordId) {
    links.push({ label: t('cardLinkDigitalLibrary'), url: digitalLibraryUrl(query, recordId) });
  }
  return links;
}

/** The kind an instrument's key has on its own (`A/RES/217(III)` is a resolution, `UNTS I-27531` a treaty). */
function keyKind(key: string): Kind {
  if (/\/RES\//.test(key)) return 'resolution';
  if (/^(?:UNTS|LNTS|MTDSG) /.test(key)) return 'treaty';
  return 'instrument';
}

/** Turns lookup results and page facts into the card's fields. Never throws, never returns an empty card. */
export function buildCardModel(input: CardInput, t: Translate): CardModel {
  // An instrument's key is what it names (a resolution or a treaty): describe that, head the card with the name.
  const info = describeKey(input.key, input.kind === 'instrument' ? keyKind(input.key) : input.kind);
  const card = input.lookup.status === 'ok' ? input.lookup.card : undefined;
  const entry = card?.entry;
  // A Treaty Series citation names one instrument registered under the number (the treaty, or a protocol
  // by its volume): its title, date and volumes are the card's, never the treaty's in a protocol's place.
  const inst = card?.instrument;
  const named = inst ?? entry;
  const cardLang = input.cardLang ?? input.pageLang;
  // The title in the card's language where the index has it, else the English one (marked as English).
  const titleInLang = named?.titles?.[cardLang];
  // The library's description of an untitled text (an SC resolution) is its subject: shown so labelled, never
  // as the title, and never cited or copied as one.
  const librarySubject =
    !inst && isLibraryDescription({ key: input.key, title: named?.title })
      ? (titleInLang ?? named?.title)
      : undefined;
  const title = librarySubject
    ? undefined
    : titleAsWritten(titleInLang ?? named?.title, titleInLang ? cardLang : 'en');
  const titleLang: Lang | undefined = title && !titleInLang && cardLang !== 'en' ? 'en' : undefined;
  const volume = inst
    ? input.volume && inst.volumes.includes(input.volume)
      ? input.volume
      : (inst.volumes[0] ?? input.volume)
    : (input.volume ?? entry?.volumes?.[0]);
  const tabledDate = named?.date;
  const date = tabledDate ?? input.date;

  const facts: CardFact[] = [];
  const push = (label: string, value: string | undefined, lang?: Lang) => {
    if (value) facts.push({ label: t(label), value, ...(lang && lang !== cardLang ? { lang } : {}) });
  };
  // What the card displays reads in the UI language; the copy formats below stay English citation styles.
  const body = localBodyName(info, t);
  push('cardFactLibrarySubject', librarySubject, titleInLang ? undefined : 'en');
  if (input.kind === 'instrument' && !input.key.startsWith('instrument:'))
    push('cardFactInstrument', localName(info, t));
  if (body && !info.treaty) push('cardFactBody', body);
  if (tabledDate) push('cardFactDate', localDate(tabledDate, t));
  else if (input.date) push('cardFactDateAsCited', localDate(input.date, t));
  push(
    'cardFactSession',
    sessionText(t, info, {
      session: card?.session ?? entry?.session,
      years: card?.years ?? info.years,
      ...(entry?.date ? { date: entry.date } : {}),
    }),
  );
  const adoption = adoptionFact(t, entry);
  push('cardFactAdoption', adoption?.value, adoption?.lang);
  // A meeting, draft or report that has a symbol is a link below ("Meeting record A/73/PV.60"); one named in
  // words ("55th meeting") stays a fact (the source's English).
  if (symbolRefs(entry?.meeting).length === 0) push('cardFactMeeting', entry?.meeting, 'en');
  const agenda = parseAgenda(entry?.agendaItem);
  // The agenda's titles are the source's English.
  for (const item of agenda)
    push('cardFactAgendaItem', agendaItemText(item, t), item.title ? 'en' : undefined);
  if (symbolRefs(entry?.committeeReport).length === 0) push('cardFactReport', entry?.committeeReport, 'en');
  if (symbolRefs(entry?.draft).length === 0) push('cardFactDraft', entry?.draft, 'en');
  if (input.part) push('cardFactPart', input.part);
  if (volume && info.treaty) push('cardFactVolume', t('cardVolume', [String(volume)]));
  if (!inst || inst.match === 'treaty') push('cardFactPlace', entry?.place);
  if (!title && !librarySubject) {
    // What a citing text in the card's language said of it, else what any said (marked with its language).
    const said =
      entry?.derived?.find((d) => d.subject && d.lang === cardLang) ?? entry?.derived?.find((d) => d.subject);
    if (said?.subject) push('cardFactSubject', said.subject, said.lang);
  }

  const linkLang = input.linkLang;
  const agendas = [...new Set(agenda.flatMap((a) => (a.agenda ? [a.agenda] : [])))];
  const links = dedupeLinks([
    ...(card && card.links.length > 0
      ? workerLinks(card.links, entry, info.symbol, t)
      : linksFromKey(t, info, linkLang, volume, entry?.undlRecords?.[0])),
    ...recordLinks(entry, agendas, linkLang, t),
  ]);

  let status: CardModel['status'];
  let notice: string | undefined;
  if (input.lookup.status === 'loading') status = 'loading';
  else if (input.lookup.status === 'error') {
    status = 'error';
    notice = t(ERROR_TEXT[input.lookup.error.code]);
  } else if (card?.known && entry && !entry.stub) status = 'known';
  else {
    status = 'derived';
    notice = t('cardNoticeDerived');
  }

  const urlForCitation = links.find((l) => l.url.startsWith('https://undocs.org/'))?.url ?? links[0]?.url;
  const data: CitationData = {
    info,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(volume ? { volume } : {}),
    // An instrument printed over several volumes is cited with all of them, unless the text cites one.
    ...(inst && inst.volumes.length > 1 && !(input.volume && inst.volumes.includes(input.volume))
      ? { volumes: inst.volumes }
      : {}),
    ...(input.part ? { part: input.part } : {}),
    ...(urlForCitation ? { url: urlForCitation } : {}),
  };

  return {
    key: input.key,
    kind: input.kind,
    dir: cardLang === 'ar' ? 'rtl' : 'ltr',
    lang: cardLang,
    heading:
      input.kind === 'instrument'
        ? (input.surface ?? title ?? localName(info, t))
        : localName(info, t, input.part),
    kindLabel: t(KIND_LABEL[input.kind]),
    ...(title ? { title } : {}),
    ...(titleLang ? { titleLang } : {}),
    status,
    ...(notice ? { notice } : {}),
    facts,
    links,
    occurrence: input.occurrence,
    citation: { un: formatUnStyle(data), csl: formatCslJson(data), bibtex: formatBibtex(data) },
  };
}
