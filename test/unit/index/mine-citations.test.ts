import { describe, expect, it } from 'vitest';
import { aknParts, loadFinder, scParts, subjectAfter } from '../../../scripts/lib/mine-citations.ts';

// Sentences from A/RES/77/176 (AKN4UN English text) and S/RES/834 (1993) (CR-UNSC gold text).
const RES_77_176 =
  'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004 and 75/226 of 21 December 2020 on international migration and development, its resolution 68/4 of 3 October 2013, by which it adopted the Declaration of the High-level Dialogue on International Migration and Development, its resolution 60/206 of 22 December 2005 on the facilitation and reduction of the cost of transfer of migrant remittances,';

describe('subjectAfter', () => {
  it.each([
    ['75/226 of 21 December 2020', 'international migration and development'],
    [
      '60/206 of 22 December 2005',
      'the facilitation and reduction of the cost of transfer of migrant remittances',
    ],
    ['68/4 of 3 October 2013', undefined],
  ])('after %s → %s', (cite, subject) => {
    const at = RES_77_176.indexOf(cite) + cite.indexOf(' of ');
    expect(subjectAfter(RES_77_176, at)).toBe(subject);
  });

  it.each([
    'its resolution 62/142 of 18 December 2007 on this issue,',
    'its resolution 78/160 of 19 December 2023 on science, technology and innovation,',
  ])('gives no subject that points back or was cut at a comma: %s', (t) => {
    expect(subjectAfter(t, t.indexOf(' of '))).toBeUndefined();
  });

  it('reads an "entitled" title', () => {
    const t =
      'its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”,';
    expect(subjectAfter(t, t.indexOf(' of '))).toBe(
      'Transforming our world: the 2030 Agenda for Sustainable Development',
    );
  });
});

describe('placements', () => {
  it('AKN text: bodies as preamble / operative, footnotes apart and last', () => {
    const parts = aknParts({
      preamble: [
        'The General Assembly,',
        'Recalling its resolution S-24/2, Resolution S-24/2, annex. and',
        'Resolution S-24/2, annex.',
      ],
      operative: ['Takes note of the report of the Secretary-General; A/77/175.', 'A/77/175.'],
    });
    expect(parts.map((p) => p.placement)).toEqual([
      'preamble',
      'preamble',
      'operative',
      'footnote',
      'footnote',
    ]);
    expect(parts[1]?.text).toBe('Recalling its resolution S-24/2, and');
    expect(parts[4]?.text).toBe('A/77/175.');
  });

  it('SC gold text: before paragraph "1." is preamble', () => {
    const text =
      'Resolution 834 (1993)\nof 1 June 1993\n\nThe Security Council,\n\nReaffirming its resolutions 696 (1991) of 30 May 1991,\n\n1. Approves the report of the Secretary-General;\n';
    const parts = scParts(text);
    expect(parts.map((p) => p.placement)).toEqual(['preamble', 'operative']);
    expect(parts[1]?.text.startsWith('1. Approves')).toBe(true);
  });
});

describe('loadFinder (the finder the miner runs)', () => {
  it('reads a list of dated GA resolutions and an SC list', async () => {
    const { find } = await loadFinder();
    const ga = find(RES_77_176, { lang: 'en', body: 'GA' }).mentions;
    expect(ga.slice(0, 3).map((m) => [m.key, m.date])).toEqual([
      ['A/RES/58/208', '2003-12-23'],
      ['A/RES/59/241', '2004-12-22'],
      ['A/RES/75/226', '2020-12-21'],
    ]);
    const sc = find('Reaffirming its resolutions 696 (1991) of 30 May 1991, 747 (1992) of 24 March 1992', {
      body: 'SC',
    }).mentions;
    expect(sc.map((m) => m.key)).toEqual(['S/RES/696(1991)', 'S/RES/747(1992)']);
  });
});
