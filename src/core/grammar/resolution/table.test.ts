import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../find';

/** (kind key) of every resolution or decision found, in order. */
function keys(text: string): string[] {
  return findCitations(text)
    .mentions.filter((m) => m.kind === 'resolution' || m.kind === 'decision')
    .map((m) => `${m.kind} ${m.key}`);
}

describe('tables of contents and session indexes', () => {
  it('reads the rows of a Human Rights Council report as the Council’s, by the report’s own symbol', () => {
    const text = [
      '                                                                     A/HRC/12/50',
      '',
      '     Resolution          Title                                                        Page',
      '     12/1.     Cooperation with the Universal Periodic Review mechanism ............    5',
      '     12/2.     Cooperation with the United Nations, its representatives and',
      '               mechanisms in the field of human rights ...................................   6',
      '',
      '     Decisions',
      '     12/101.   Outcome of the universal periodic review: Colombia .................   90',
    ].join('\n');
    expect(keys(text)).toEqual([
      'resolution A/HRC/RES/12/1',
      'resolution A/HRC/RES/12/2',
      'decision A/HRC/DEC/12/101',
    ]);
  });

  it('reads an old-style session index under a GA heading', () => {
    const text = [
      'Resolutions adopted by the General Assembly at its sixth special session',
      '3201 (S-VI)   Declaration on the Establishment of a New International Economic Order',
      '3202 (S-VI)   Programme of Action on the Establishment of a New International Economic Order',
    ].join('\n');
    expect(keys(text)).toEqual(['resolution A/RES/3201(S-VI)', 'resolution A/RES/3202(S-VI)']);
  });

  it('takes the heading’s body over the document’s and decides the kind by the number under a mixed heading', () => {
    const text = [
      'Resolutions and decisions adopted by the Economic and Social Council',
      '2019/1     Ministerial declaration of the high-level segment',
      '2019/215   Provisional agenda of the Commission for Social Development',
    ].join('\n');
    expect(keys(text)).toEqual(['resolution E/RES/2019/1', 'decision E/DEC/2019/215']);
  });

  it('needs a second row or a heading: one numbered line in prose is no table', () => {
    expect(keys('Introduction\n12/3. This line is not under any heading.\nIt goes on in prose.')).toEqual([]);
  });

  it('reads no financial periods of a budget table as year-numbered resolutions', () => {
    const text = ['Budget', '2019/20     Approved resources', '2020/21     Proposed resources'].join('\n');
    expect(keys(text)).toEqual([]);
  });
});

describe('rows of the budget’s mandate tables that the pdftotext layout gives (A/81/6 sections)', () => {
  it('A/81/6 (Sect. 3): reads title-less SC rows under a Security Council heading, both columns', () => {
    const text = [
      'Security Council resolutions and statements by the President of the Security Council',
      '1209 (1998)                                                         2493 (2019)',
      '1366 (2001)                                                         S/PRST/2020/1',
      'S/PRST/2011/15                                                      2720 (2023)',
      '2320 (2016)',
    ].join('\n');
    expect(keys(text)).toEqual([
      'resolution S/RES/1209(1998)',
      'resolution S/RES/2493(2019)',
      'resolution S/RES/1366(2001)',
      'resolution S/RES/2720(2023)',
      'resolution S/RES/2320(2016)',
    ]);
  });

  it('A/81/6 (Sect. 3): takes no title-less number row under a heading of another body, nor without one', () => {
    // The same rows under the General Assembly's heading, or under none: years or amounts, not SC resolutions.
    expect(
      keys('Economic and Social Council resolutions\n2019/6   Social dimensions\n1209 (1998)\n1318 (2000)'),
    ).toEqual(['resolution E/RES/2019/6']);
    expect(keys('Budget lines\n1209 (1998)\n1318 (2000)')).toEqual([]);
    // A page number alone on its line stays no row, even inside a table.
    expect(keys('General Assembly resolutions\n80/191   Rights of Indigenous Peoples\n7/72\n')).toEqual([
      'resolution A/RES/80/191',
    ]);
  });

  it('A/81/6 (Sect. 2) and (Sect. 29C): reads a row that cites a section of the resolution', () => {
    const text = [
      'General Assembly resolutions',
      '174 (II)           Establishment of an International Law           68/268              Strengthening and enhancing the effective',
      '                   the mandate of the United Nations High          79/258, sect. IX    Special subjects relating to the proposed',
      '63/262                Information and communications technology,    71/272 B, sect. III Special subjects relating to the programme',
      '69/262, sect. II      Questions relating to the programme budget                        communications technology strategy for the',
    ].join('\n');
    expect(keys(text)).toEqual([
      'resolution A/RES/174(II)',
      'resolution A/RES/68/268',
      'resolution A/RES/79/258',
      'resolution A/RES/63/262',
      'resolution A/RES/71/272',
      'resolution A/RES/69/262',
    ]);
  });

  it('A/81/6 (Sect. 3) and (Sect. 24): reads rows whose numbers are a semicolon list that wraps', () => {
    const text = [
      '                Question of Palestine',
      'General Assembly resolutions',
      '3376 (XXX);       Question of Palestine                              64/17; 79/82   Division for Palestinian Rights of the',
      '32/40 B; 34/65 D;                                                                   Secretariat',
      '38/58 B; 46/74 B;                                                    77/22          Committee on the Exercise of the',
      '50/84 A                                                                             Inalienable Rights of the Palestinian People',
      '51/17; 57/30      Youth and human rights                                 of funds of illicit origin to the countries of',
      '51/32; 54/27;     From rhetoric to reality: a global call for            origin on the enjoyment of human rights,',
      '60/16             concrete action against racism, racial                 and the importance of improving',
    ].join('\n');
    expect(keys(text)).toEqual(
      [
        '3376(XXX)',
        '64/17',
        '79/82',
        '32/40',
        '34/65',
        '38/58',
        '46/74',
        '77/22',
        '50/84',
        '51/17',
        '57/30',
        '51/32',
        '54/27',
        '60/16',
      ].map((n) => `resolution A/RES/${n}`),
    );
  });

  it('A/81/6 (Sect. 24): a line after a semicolon row that opens with a page number is no row', () => {
    const text = ['General Assembly resolutions', '51/32; 54/27;     From rhetoric to reality', '2/27'].join(
      '\n',
    );
    expect(keys(text)).toEqual(['resolution A/RES/51/32', 'resolution A/RES/54/27']);
  });
});

describe('rows as plain pdftotext gives them, each cell on its own line (A/81/6 sections)', () => {
  it('A/81/6 (Sect. 24): reads a row whose title follows after a blank line, under a heading', () => {
    const text = [
      'General Assembly resolutions',
      '42/34',
      '',
      'Implementation of the Declaration on the',
      'Denuclearization of Africa',
      '',
      '48/121',
      '',
      'World Conference on Human Rights',
    ].join('\n');
    expect(keys(text)).toEqual(['resolution A/RES/42/34', 'resolution A/RES/48/121']);
  });

  it('A/81/6 (Sect. 16): takes no running page number between the cells for a row', () => {
    // Pages 33/67 and 35/67 stand by the job number and a form feed; page 34/67 stands alone between footnotes.
    const text = [
      'General Assembly resolutions',
      '42/34',
      '',
      'Implementation of the Declaration on the',
      '',
      '26-03352',
      '',
      '33/67',
      '',
      '\fSection 16',
      '__________________',
      '1',
      '',
      '34/67',
      '',
      'See General Assembly resolutions 77/298 and 78/226.',
      '',
      '35/67',
      '',
      '26-03352',
    ].join('\n');
    expect(keys(text)).toEqual([
      'resolution A/RES/42/34',
      'resolution A/RES/77/298',
      'resolution A/RES/78/226',
    ]);
  });

  it('A/81/6 (Sect. 20): a title cell that opens with "Decisions" is no heading between two plain-text rows', () => {
    const text = [
      'Economic and Social Council resolutions',
      '2025/19',
      '',
      'Decisions relating to the Conference of',
      'the Parties',
      '',
      'Science, technology and innovation for',
      'development',
      '',
      '2022/3',
      '',
      'Ensuring that the work in the field of statistics',
    ].join('\n');
    expect(keys(text)).toEqual(['resolution E/RES/2025/19', 'resolution E/RES/2022/3']);
  });

  it('reads no row with a title on a later line in a table no heading opened', () => {
    expect(
      keys('Introduction\n42/34\n\nImplementation of the Declaration\n\n48/121\n\nWorld Conference'),
    ).toEqual([]);
  });

  it('A/81/6 (Sect. 16): a long name of a body with no key heads its table (no key for its rows)', () => {
    const text = [
      'Commission on Crime Prevention and Criminal Justice resolutions',
      '27/2                  Promotion and protection of the rights',
      'Conference of the Parties to the United Nations Convention against Transnational Organized Crime resolutions',
      '5/4              Illicit manufacturing of and trafficking in      7/2                 Importance of the Protocol',
      '10/1                 Launch of the review process of the',
    ].join('\n');
    expect(keys(text)).toEqual(['resolution CCPCJ res 27/2']);
  });

  it('A/81/6 (Sect. 22): a heading of a body with no key ends at the next heading, whose rows are the Assembly’s', () => {
    const text = [
      'Economic and Social Commission for Western Asia resolutions',
      '214 (XIX)           Establishment of a technical committee on       303 (XXVII)   Towards enhancing the macroeconomic',
      '                    liberalization of foreign trade and economic                  policy in ESCWA member countries',
      '                  Subprogramme 4',
      'General Assembly resolutions',
      '68/261              Adoption of the Fundamental Principles of       78/265        Seizing the opportunities',
      '71/313              Work of the Statistical Commission',
    ].join('\n');
    expect(keys(text)).toEqual([
      'resolution A/RES/68/261',
      'resolution A/RES/78/265',
      'resolution A/RES/71/313',
    ]);
  });
});

describe('numbering tells ECOSOC decisions from resolutions', () => {
  it('keys a list of resolutions and decisions item by item', () => {
    expect(
      keys('Recalling Economic and Social Council resolutions and decisions 2019/1 and 2019/215,'),
    ).toEqual(['resolution E/RES/2019/1', 'decision E/DEC/2019/215']);
  });
  it('keys an ECOSOC "resolution" numbered from 201 as the decision it is', () => {
    expect(keys('Recalling Economic and Social Council resolution 2018/210 of 12 June 2018,')).toEqual([
      'decision E/DEC/2018/210',
    ]);
  });
});

/** Excerpts of real tables (test/fixtures/finder/PROVENANCE.md) and their hand-made gold. */
describe('legislative-mandate tables of the programme budget (real excerpts)', () => {
  const dir = new URL('../../../../test/fixtures/finder/', import.meta.url);
  it.each([
    'a-81-6-sect-12-mandates',
    'a-81-6-sect-16-mandates',
    'a-81-6-sect-19-mandates',
    'a-81-6-sect-24-mandates',
  ])('%s gives exactly its gold', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8');
    const gold = JSON.parse(readFileSync(new URL(`${name}.gold.json`, dir), 'utf8')) as {
      mentions: { kind: string; key: string; offset: number }[];
    };
    const found = findCitations(text).mentions.map((m) => `${m.offset} ${m.kind} ${m.key}`);
    expect(found).toEqual(gold.mentions.map((m) => `${m.offset} ${m.kind} ${m.key}`));
  });
});
