import { describe, expect, test } from 'vitest';
import { buildPageText, lineGlue, mapRange, type TextItemLike } from './pdf-text';
import { type LineSpec, layout } from './test-layout';

// Sentences are from A/RES/77/176 (../shared/corpus/dev/seed-a-res-77-176.txt).
const A4 = 842;
const build = (lines: LineSpec[], pageNumber = 2, identity = 'A/RES/77/176') => {
  const items = layout(lines);
  return { items, page: buildPageText(items, { pageHeight: A4, pageNumber, identity }) };
};

describe('lineGlue: how two lines of a paragraph join', () => {
  test.each([
    // [end of line, start of next line, joined]
    ['Adopted under the UNFCCC in FCCC/CP/2015/10/Add.', '1, decision 1/CP.21.', 'FCCC/CP/2015/10/Add.1,'],
    ['Ibid., 2008, Supplement No. 5 (E/2008/', '25), chap. I, sect. B.', '(E/2008/25),'],
    ['adopted by the Conference of the Parties, FCCC', '/CP/2015/L.9', 'FCCC/CP/2015/L.9'],
    ['the combined report CEDAW/C/EST/1-', '3 of Estonia', 'CEDAW/C/EST/1-3'],
    ['see document E/CN.', '4/1998/53/Add.2', 'E/CN.4/1998/53/Add.2'],
    ['and to building upon the achievem-', 'ents of the Millennium', 'achievements'],
    ['the report of the Secretary-', 'General on international migration', 'Secretary-General'],
    ['its resolutions 58/208 of 23 December 2003,', '59/241 of 22 December 2004', '2003, 59/241'],
    ['Recalling its resolution', '73/195 of 19 December 2018', 'resolution 73/195'],
    [
      'Welcoming the Global Compact, endorsed by the General Assembly in its resolution 73/',
      '195 of 19 December 2018',
      'resolution 73/195 of',
    ],
    ['in its resolution 2086 (2013).', 'Reaffirming', '(2013). Reaffirming'],
    [
      'Reaffirming further the New Urban Agenda, the Sendai Framework for Disaster Risk Reduction 2015–',
      '2030 and the political declaration',
      'Reduction 2015–2030 and',
    ],
    // S/PRST/2006/42 (Chinese): no space enters a Chinese sentence at a line break.
    ['安全理事会再次承诺全面有效地执行第1325(2000)号', '决议,并回顾安理会主席', '执行第1325(2000)号决议'],
    ['2001年10月31日的声明(S/PRST/', '2001/31)、2002年10月31日的声明', '(S/PRST/2001/31)、'],
  ])('%s | %s', (before, after, joined) => {
    const { glue, dropHyphen } = lineGlue(before, after);
    const text = (dropHyphen ? before.slice(0, -1) : before) + glue + after;
    expect(text).toContain(joined);
  });
});

describe('buildPageText', () => {
  test('a symbol broken across lines is one token, and maps back to both text items', () => {
    const { items, page } = build([
      { runs: ['Reaffirming also the Paris Agreement,'], y: 700, x: 96 },
      { runs: ['adopted under the United Nations Framework Convention in FCCC/CP/2015/10/Add.'], y: 688 },
      {
        runs: ['1, decision 1/CP.21, and encouraging all its parties to fully implement the Agreement,'],
        y: 676,
      },
    ]);
    const at = page.text.indexOf('FCCC/CP/2015/10/Add.1');
    expect(at).toBeGreaterThan(0);
    const pieces = mapRange(page.segments, at, at + 'FCCC/CP/2015/10/Add.1'.length);
    expect(pieces.map((p) => items[p.item]!.str.slice(p.from, p.to))).toEqual(['FCCC/CP/2015/10/Add.', '1']);
  });

  test('a hyphenated word is joined and its hyphen maps nowhere', () => {
    const { items, page } = build([
      { runs: ['in a balanced and integrated manner, and to building upon the achievem-'], y: 700 },
      {
        runs: ['ents of the Millennium Development Goals and seeking to address their unfinished business,'],
        y: 688,
      },
    ]);
    const at = page.text.indexOf('achievements of');
    expect(at).toBeGreaterThan(0);
    const pieces = mapRange(page.segments, at, at + 'achievements'.length);
    expect(pieces.map((p) => items[p.item]!.str.slice(p.from, p.to))).toEqual(['achievem', 'ents']);
  });

  test('superscript markers are left out of the text and recorded where they stood', () => {
    const { page } = build([
      {
        runs: [
          'Reaffirming its resolution 70/1',
          { sup: '1' },
          'of 25 September 2015 and the International Conference on Population and Development',
          { sup: '2' },
          'and Commission on Population and Development resolutions 2006/2 of 10 May 2006,',
          { sup: '3' },
        ],
        y: 700,
        x: 96,
      },
      { runs: ['2008/1 of 11 April 2008,', { sup: '4' }, 'and 2014/1 of 11 April 2014,'], y: 688 },
    ]);
    // "70/1" + marker "1" must not read "70/11" (../shared/spec/grammar-reference.md, traps).
    expect(page.text).toContain('resolution 70/1 of 25 September 2015');
    expect(page.text).toContain('Population and Development and Commission');
    expect(page.text).toContain('10 May 2006, 2008/1 of 11 April 2008, and 2014/1');
    expect(page.markers.map((m) => [m.label, page.text.slice(m.at - 6, m.at)])).toEqual([
      ['1', 'n 70/1'],
      ['2', 'opment'],
      ['3', ' 2006,'],
      ['4', ' 2008,'],
    ]);
  });

  test('running head, job number and page number are furniture; footnotes follow the body with their labels', () => {
    const { page } = build([
      { runs: ['A/RES/77/176'], y: 800, size: 9 },
      {
        runs: ['Reaffirming also the Paris Agreement,', { sup: '11' }, 'and encouraging all its parties'],
        y: 758,
      },
      { runs: ['to fully implement the Agreement,'], y: 746 },
      { runs: [{ sup: '10' }, ' Resolution 71/1.'], y: 95, size: 8 },
      { runs: [{ sup: '11' }, ' Adopted under the UNFCCC in FCCC/CP/2015/10/Add.'], y: 83.5, size: 8 },
      { runs: ['1, decision 1/CP.21.'], y: 74, x: 86, size: 8 },
      { runs: ['A/77/236.'], y: 64.5, x: 86, size: 8 },
      { runs: ['2/7', ' ', '22-28767'], y: 40, size: 8 },
    ]);
    expect(page.furniture.map((f) => [f.role, f.text])).toEqual([
      ['running-head', 'A/RES/77/176'],
      ['furniture', '2/7 22-28767'],
    ]);
    expect(page.text).not.toContain('A/RES/77/176');
    expect(page.text).not.toContain('22-28767');
    const body = page.text.slice(0, page.bodyEnd);
    expect(body).toBe(
      'Reaffirming also the Paris Agreement, and encouraging all its parties to fully implement the Agreement,',
    );
    expect(page.footnotes.map((f) => [f.label, page.text.slice(f.start, f.end)])).toEqual([
      ['10', '10 Resolution 71/1.'],
      ['11', '11 Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21. A/77/236.'],
    ]);
  });

  test('first page: the masthead symbol stands on its own line and is the identity', () => {
    const items: TextItemLike[] = [
      { str: 'United Nations', transform: [11, 0, 0, 11, 72, 800], width: 77.6 },
      { str: ' ', transform: [11, 0, 0, 11, 149.6, 800], width: 264.7 },
      { str: 'S/RES/2223 (2015)', transform: [17, 0, 0, 17, 370, 800], width: 153 },
      { str: 'Security Council', transform: [17, 0, 0, 17, 72, 768], width: 140 },
      { str: ' ', transform: [17, 0, 0, 17, 212, 768], width: 188 },
      { str: 'Distr.: General', transform: [10, 0, 0, 10, 400, 772], width: 59.4 },
      { str: '28 May 2015', transform: [10, 0, 0, 10, 400, 760], width: 50 },
      { str: 'Resolution 2223 (2015)', transform: [12, 0, 0, 12, 72, 723], width: 130 },
      {
        str: 'Adopted by the Security Council at its 7451st meeting, on 28 May 2015',
        transform: [10, 0, 0, 10, 72, 705],
        width: 300,
      },
      { str: '15-08618 (E)', transform: [8, 0, 0, 8, 72, 40], width: 46 },
      { str: ' ', transform: [8, 0, 0, 8, 118, 40], width: 9 },
      { str: '290515', transform: [8, 0, 0, 8, 127, 40], width: 26 },
      { str: '*1508618*', transform: [10, 0, 0, 10, 72, 28], width: 46 },
    ];
    const page = buildPageText(items, { pageHeight: A4, pageNumber: 1 });
    expect(page.mastheadSymbol).toBe('S/RES/2223 (2015)');
    expect(page.text.split('\n').slice(0, 5)).toEqual([
      'United Nations',
      'S/RES/2223 (2015)',
      'Security Council',
      'Distr.: General',
      '28 May 2015',
    ]);
    expect(page.text).toContain('Resolution 2223 (2015)\n\nAdopted by the Security Council');
    expect(page.furniture.map((f) => f.text)).toEqual(['15-08618 (E) 290515', '*1508618*']);
  });

  test('header and footer drawn after the body, 9-pt footnotes under 10-pt text', () => {
    const { page } = build(
      [
        {
          runs: [
            'Recalling its resolution 2086 (2013),',
            { sup: '3' },
            'and reaffirming the basic principles',
          ],
          y: 740,
        },
        { runs: [{ sup: '3' }, ' See S/PRST/2014/16 and S/PRST/2015/9.'], y: 90, size: 9 },
        { runs: ['15-08618', ' ', '2/2'], y: 40, size: 8 },
        { runs: ['S/RES/2223 (2015)'], y: 800, size: 9 },
      ],
      2,
      'S/RES/2223 (2015)',
    );
    expect(page.furniture.map((f) => [f.role, f.text])).toEqual([
      ['furniture', '15-08618 2/2'],
      ['running-head', 'S/RES/2223 (2015)'],
    ]);
    expect(page.text).toBe(
      'Recalling its resolution 2086 (2013), and reaffirming the basic principles\n\n3 See S/PRST/2014/16 and S/PRST/2015/9.',
    );
    expect(page.footnotes.map((f) => f.label)).toEqual(['3']);
  });

  test('a footnote that is only a symbol, just above the footer, stays a footnote', () => {
    const { page } = build([
      { runs: ['Takes note of the report of the Secretary-General,', { sup: '9' }], y: 700 },
      { runs: [{ sup: '9' }, ' A/77/236.'], y: 70, size: 8 },
      { runs: ['22-28767', ' ', '3/7'], y: 40, size: 8 },
    ]);
    expect(page.footnotes.map((f) => page.text.slice(f.start, f.end))).toEqual(['9 A/77/236.']);
    expect(page.furniture.map((f) => f.text)).toEqual(['22-28767 3/7']);
  });
});
