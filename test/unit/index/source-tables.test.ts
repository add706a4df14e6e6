import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/data-io.ts';
import { hrcVotes, isoDate, parseEnglishDate } from '../../../scripts/lib/source-tables.ts';

// Cells as they are in hrc-dw/unhrc_resolutions.csv, unxml-akn4un data_extract and untreaties-zmjones/index.csv.
describe('source table cells', () => {
  it.each([
    [' Adopted without a vote | 40th meeting, 6 October 2022', '2022-10-06'],
    [
      'Adopted as orally revised by a recorded vote (34 to 2, with 11 abstentions), 39th meeting, 29 September 2016',
      '2016-09-29',
    ],
    ['7 October 2022', '2022-10-07'],
    ['Convention on the Rights of the Child. New York, 20 November 1989', '1989-11-20'],
    ['N.A.', undefined],
  ])('date in %s', (cell, iso) => {
    expect(parseEnglishDate(cell)).toBe(iso);
  });

  it('rejects impossible dates', () => {
    expect(isoDate(2023, 2, 29)).toBeUndefined();
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
  });

  it.each([
    [
      'Adopted as orally revised by a recorded vote (34 to 2, with 11 abstentions), 39th meeting, 29 September 2016',
      [34, 2, 11],
    ],
    ['Adopted by a recorded vote (22 to 12, with 13 abstentions)', [22, 12, 13]],
    ['Adopted without a vote, 34th meeting, 22 June 2017', undefined],
  ])('HRC votes in %s', (cell, v) => {
    const votes = hrcVotes(cell);
    expect(votes ? [votes.yes, votes.no, votes.abstain] : undefined).toEqual(v);
  });

  it('parses quoted CSV fields with commas, quotes and newlines', () => {
    const text =
      'chapter_no,treaty_no,treaty_name\n4,11,"Convention on the Rights of the Child. New York, 20 November 1989"\n1,1,"say ""hi""\nthere"\n';
    expect(parseCsv(text)).toEqual([
      ['chapter_no', 'treaty_no', 'treaty_name'],
      ['4', '11', 'Convention on the Rights of the Child. New York, 20 November 1989'],
      ['1', '1', 'say "hi"\nthere'],
    ]);
  });
});
