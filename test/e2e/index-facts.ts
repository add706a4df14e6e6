/**
 * Facts that only the bundled citation index can put on a card: rows of the committed tables in data/ (and the
 * citing-text subjects mined into data/mined), written out here so that a test checking them fails when the
 * index is missing, broken or not reached. Nothing here can be derived from a key or from the page around a
 * citation (the pages never give the vote or the meeting, and the card's own text is read, not the page's).
 * Used by the e2e suite and by the Firefox smoke test.
 */
import type { Locator } from 'playwright-core';

/** A/RES/73/195: data/tables/ga.json.gz (UN Digital Library voting record 1656414). */
export const GLOBAL_COMPACT = {
  key: 'A/RES/73/195',
  title: 'Global Compact for Safe, Orderly and Regular Migration',
  date: '19 December 2018',
  adoption: 'Recorded vote: 152 in favour, 5 against, 12 abstentions',
  meeting: 'A/73/PV.60',
} as const;

/** A/RES/77/176, the seed resolution: data/tables/ga.json.gz (AKN4UN metadata). */
export const MIGRATION_77_176 = {
  key: 'A/RES/77/176',
  title: 'International migration and development',
} as const;

/**
 * A/RES/58/208: no row of its own; the index knows it from the texts that cite it (data/mined/edges.json.gz,
 * the subject the citing texts give it).
 */
export const MIGRATION_58_208 = {
  key: 'A/RES/58/208',
  subject: 'international migration and development',
} as const;

/** A/RES/76/204, the first citation of the Arabic page A/RES/77/164: data/tables/ga.json.gz. */
export const DISASTER_76_204 = {
  key: 'A/RES/76/204',
  title: 'Disaster risk reduction',
  /** Its Arabic title (the six-language texts mined into data/tables/ga.json.gz). */
  titleAr: 'الحدّ من مخاطر الكوارث',
  date: '17 December 2021',
  meeting: 'A/76/PV.54',
} as const;

/**
 * S/RES/2334(2016): data/tables/sc.json.gz (UN Digital Library record 853446). The Council adopts no titles: this
 * is the library's description, which the card labels a subject.
 */
export const SETTLEMENTS_2334 = {
  key: 'S/RES/2334(2016)',
  subject:
    'On cessation of Israeli settlement activities in the Occupied Palestinian Territory, including East Jerusalem',
} as const;

/** The label → value lines of a rendered card (`dl.facts`), in the card's UI language. */
export async function cardFacts(card: Locator): Promise<Record<string, string>> {
  const pairs = await card
    .locator('dl.facts dt')
    .evaluateAll((dts) => dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']));
  return Object.fromEntries(pairs);
}
