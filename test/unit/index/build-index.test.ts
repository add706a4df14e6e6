import { describe, expect, it } from 'vitest';
import { normTitle, seriesTitle } from '../../../scripts/lib/build-index.ts';

// Titles from combined/ga_resolutions_combined.csv and untreaties-zmjones/index.csv.
describe('seriesTitle groups near-same titles of one recurring item', () => {
  it.each([
    [
      'Report of the International Law Commission on the work of its seventy-third session',
      'Report of the International Law Commission on the work of its fifty-fourth session',
    ],
    ['International migration and development', 'International Migration and Development'],
    [
      'Third United Nations Decade for the Eradication of Poverty (2018–2027)',
      'Second United Nations Decade for the Eradication of Poverty (2008–2017)',
    ],
  ])('%s ≈ %s', (a, b) => {
    expect(seriesTitle(a)).toBe(seriesTitle(b));
  });

  it.each([
    ['International migration and development', 'Protection of migrants'],
    ['Oceans and the law of the sea', 'Sustainable fisheries'],
  ])('%s ≠ %s', (a, b) => {
    expect(seriesTitle(a)).not.toBe(seriesTitle(b));
  });

  it('treaty titles keep ordinals and years (normTitle)', () => {
    expect(
      normTitle('Second Optional Protocol to the International Covenant on Civil and Political Rights'),
    ).not.toBe(normTitle('Optional Protocol to the International Covenant on Civil and Political Rights'));
    expect(normTitle('International Coffee Agreement, 1968')).not.toBe(
      normTitle('International Coffee Agreement, 1976'),
    );
    expect(normTitle('The Convention on the Rights of the Child')).toBe(
      normTitle('Convention on the rights of the child'),
    );
  });
});
