import { describe, expect, it } from 'vitest';
import { findCitations } from './find';
import type { Lang } from './mention';

/** Real footnote sequences (GA texts 74-80, footnotes inlined in the paragraph text). */
const containerIbids: { text: string; lang: Lang }[] = [
  {
    // "Ibid., Seventieth Session, …" repeats the Official Records, not the resolution before it.
    text: 'Human Rights Council resolutions 27/13 of 25 September 2014, See Official Records of the General Assembly, Sixty-ninth Session, chap. IV, sect. A.30/4 of 1 October 2015, Ibid., Seventieth Session, Supplement No. 53A (A/70/53/Add.1), chap. III.',
    lang: 'en',
  },
  {
    text: 'резолюции Совета по правам человека 30/4 от 1 октября 2015 года Там же, семидесятая сессия, Дополнение № 53A (A/70/53/Add.1), гл. III., 33/12 и 33/13 от 29 сентября 2016 года Там же, семьдесят первая сессия, Дополнение № 53A',
    lang: 'ru',
  },
];

describe('findIbids', () => {
  it.each(containerIbids)('no whole-citation Ibid. in $text', ({ text, lang }) => {
    const r = findCitations(text, { lang, body: 'GA' });
    // (The Official Records grammar may key the container itself: a document, not a repeat.)
    expect(r.mentions.filter((m) => m.kind === 'resolution' && /Ibid|Там же/.test(m.surface))).toEqual([]);
    expect(r.mentions.some((m) => m.kind === 'resolution')).toBe(true);
  });
  it.each([
    { text: '15 See resolution 2200 A (XXI), annex.\n16 Ibid.', lang: 'en' as Lang, key: 'A/RES/2200(XXI)' },
    { text: '15 См. резолюцию 75/92.\n16 Там же.', lang: 'ru' as Lang, key: 'A/RES/75/92' },
  ])('a bare Ibid. repeats $key', ({ text, lang, key }) => {
    const r = findCitations(text, { lang, body: 'GA' });
    const ibid = r.mentions.find((m) => /Ibid|Там же/.test(m.surface));
    expect(ibid?.key).toBe(key);
  });
});
