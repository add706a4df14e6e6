/**
 * Titles that are not titles. Security Council resolutions have no official title: what the index holds for
 * one is the UN Digital Library's description of it ("Security Council resolution 2334 (2016) [on cessation of
 * Israeli settlement activities …]", stored as "On cessation of …"). A few General Assembly rows hold only a
 * subject heading from a voting dataset ("SECURITY OF MISSIONS"). Both say what a text is about, so the card
 * shows them labelled as a subject and never cites or copies them as a title. Pure.
 */

/** The parts of an entry that decide whether its stored title is the library's description. */
export interface TitledThing {
  key: string;
  title?: string | undefined;
}

/** Whether `title` (the stored title of `key`) is a library description or subject heading, not a title. */
export function isLibraryDescription(thing: TitledThing): boolean {
  const title = thing.title;
  if (!title) return false;
  // The Council adopts resolutions under agenda items, never with a title of their own.
  if (/^S\/RES\//.test(thing.key)) return true;
  // A heading in capitals ("INDIA, PAKISTAN") is an index term.
  return /\p{Lu}/u.test(title) && !/\p{Ll}/u.test(title);
}

/**
 * A library description as a list line shows it: in square brackets, the library's own mark of a title a
 * cataloguer supplied ("[On cessation of Israeli settlement activities …]"); a real title as it is.
 */
export function listTitle(thing: TitledThing): string | undefined {
  if (!thing.title) return undefined;
  return isLibraryDescription(thing) ? `[${thing.title}]` : thing.title;
}

/**
 * A title as English writes it: the Digital Library's catalogue separates a title from its subtitle with a spaced
 * colon ("International Bill of Human Rights : Universal Declaration of Human Rights"), which English (unlike
 * French, whose titles keep it) writes "…Rights: Universal…". Other languages' titles are left as they are.
 */
export function titleAsWritten(title: string | undefined, lang: string): string | undefined {
  return title && lang === 'en' ? title.replace(/ +: +/g, ': ') : title;
}
