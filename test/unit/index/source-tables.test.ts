import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/data-io.ts';
import {
  documentEntries,
  gaDecisionEntries,
  hrcVotes,
  isoDate,
  latinLookalikes,
  parseEnglishDate,
  textKey,
  untsRegistrations,
} from '../../../scripts/lib/source-tables.ts';

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

// Rows as they are in untc-registrations/registrations.csv, unxml-gadecisions/metadata_en.csv and
// un-reports-metadata/reports_metadata.csv, in a folder laid out like the shared data.
describe('the sources added on 2026-12-07', () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-tables-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'untc-registrations/registrations.csv',
    `reg_num,volume,title,reg_date,conclusion_date,type,untc_url
I-14668,999,International Covenant on Civil and Political Rights,1976-03-23,1966-12-16,Open Multilateral,u
I-31363,1833;1834;1835,United Nations Convention on the Law of the Sea,1994-11-16,1982-12-10,Open Multilateral,u
I-54113,,Paris Agreement,2016-11-04,2015-12-12,Open Multilateral,u
LoN-56,116,Convention relating to the deprivation of civil rights and similar measures of protection,1992-02-26,1905-07-17,Open Multilateral,u
`,
  );
  write(
    'unxml-gadecisions/metadata_en.csv',
    `body,symbol,frbr_work,title,adoption_date,issuance_date,proponent,agenda_item,n_preamble_paras,n_operative_paras,sdg,source_path,languages,n_footnotes
GA,A/DEC/76/416 A-B,w,Election of members of the United Nations Commission on International Trade Law,2022-03-15,2022-08-14,noMainCommittee,115 (c),0,5,,p,ar;en,0
GA,A/DEC/77/505,w,Adoption of the agenda and allocation of agenda items,2022-09-16,2023-01-23,noMainCommittee,7,0,14,,p,en;fr,0
GA,A/DEC/77/505 B,w,B. Adoption of the agenda and allocation of agenda items,2023-02-06,2023-09-09,noMainCommittee,7,0,16,,p,ar;en,0
`,
  );
  write(
    'un-reports-metadata/reports_metadata.csv',
    `symbol,title,body,date,year,doc_type,related_symbol,url,source
A/79/2,Report of the Security Council for 2024,General Assembly,,2025,report,A/79/251,https://docs.un.org/en/A/79/2,all_reports_dashboard
A/79/15 (Part II),"Report of the Trade and Development Board on its 71st session, Geneva, 16-20 September 2024",General Assembly,,2025,report,A/79/251,u,all_reports_dashboard
A/60/355,2005 World Summit Outcome : programme budget implications of draft resolution A/60/L.1 : statement / submitted by the Secretary-General in accordance with rule 153 of the rules of procedure of the General Assembly,General Assembly (plenary),,2005,pbi_secretary_general_statement,A/60/L.1,,pbi_dashboard
A/C.1/47/L.43,"Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons and on Their Destruction : programme budget implications of draft resolution A/C.1/47/L.1/Rev.2 : statement / submitted by the Secretary-General.",First Committee,1992-11-11,1992,pbi_secretary_general_statement,A/C.1/47/L.1,,pbi_dashboard
A/C.5/60/SR.1,,Fifth Committee,,2005,pbi_fifth_committee_decision,A/60/L.1,,pbi_dashboard
`,
  );

  it('registrations: keys of every series, volumes split, "Not Available" as none', () => {
    expect(untsRegistrations(dir)).toEqual([
      [
        'UNTS I-14668',
        [999],
        'International Covenant on Civil and Political Rights',
        '1976-03-23',
        '1966-12-16',
      ],
      [
        'UNTS I-31363',
        [1833, 1834, 1835],
        'United Nations Convention on the Law of the Sea',
        '1994-11-16',
        '1982-12-10',
      ],
      ['UNTS I-54113', [], 'Paris Agreement', '2016-11-04', '2015-12-12'],
      [
        'LNTS 56',
        [116],
        'Convention relating to the deprivation of civil rights and similar measures of protection',
        '1992-02-26',
        '1905-07-17',
      ],
    ]);
  });

  it('GA decisions: one entry per number, its parts listed, the part letter off the title', () => {
    const d = gaDecisionEntries(dir);
    expect(d.map((e) => [e.key, e.parts, e.title])).toEqual([
      [
        'A/DEC/76/416',
        'A;B',
        'Election of members of the United Nations Commission on International Trade Law',
      ],
      ['A/DEC/77/505', 'B', 'Adoption of the agenda and allocation of agenda items'],
    ]);
    expect(d[0]).toMatchObject({ kind: 'decision', body: 'GA', date: '2022-03-15', session: '76' });
  });

  it('documents: titled rows by symbol, drafts titled by the statement that names them, no title invented', () => {
    const docs = documentEntries(dir);
    expect(docs.map((e) => [e.key, e.title])).toEqual([
      ['A/79/2', 'Report of the Security Council for 2024'],
      ['A/60/355', expect.stringMatching(/^2005 World Summit Outcome : programme budget implications/)],
      ['A/C.1/47/L.43', expect.stringMatching(/^Convention on the Prohibition/)],
      ['A/60/L.1', '2005 World Summit Outcome'],
      [
        'A/C.1/47/L.1/Rev.2',
        'Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons and on Their Destruction',
      ],
    ]);
  });

  it('textKey: a part of an export symbol cites as its number', () => {
    expect(textKey('A/RES/77/264 A-C')).toBe('A/RES/77/264');
    expect(textKey('A/DEC/77/505 B')).toBe('A/DEC/77/505');
    expect(textKey('A/HRC/RES/57/5')).toBe('A/HRC/RES/57/5');
    expect(textKey('E/RES/2021/20')).toBe('E/RES/2021/20');
  });
});

describe('latinLookalikes', () => {
  it('puts back the Latin letter a Greek or Cyrillic one was typed for, inside Latin words only', () => {
    // hrc-dw's title of A/HRC/RES/51/3 starts with a Greek capital Nu.
    expect(latinLookalikes('Νeurotechnology and human rights')).toBe('Neurotechnology and human rights');
    expect(latinLookalikes('Rеport of the Sеcretary-General')).toBe('Report of the Secretary-General'); // Cyrillic е
    // A word in Greek or Cyrillic script is left whole, and so is every other title.
    expect(latinLookalikes('The term «Ομόνοια» in Cyprus')).toBe('The term «Ομόνοια» in Cyprus');
    expect(latinLookalikes('Соглашение и протокол')).toBe('Соглашение и протокол');
    expect(latinLookalikes('International migration and development')).toBe(
      'International migration and development',
    );
  });

  it('the mined tables hold no Latin word with a Greek or Cyrillic letter in it', () => {
    for (const name of ['ga', 'sc', 'hrc', 'hrc-official', 'ecosoc', 'mtdsg', 'ga-decisions', 'documents']) {
      const rows = JSON.parse(
        gunzipSync(readFileSync(join(import.meta.dirname, `../../../data/tables/${name}.json.gz`))).toString(
          'utf8',
        ),
      ) as { key: string; title?: string }[];
      const mixed = rows.filter((r) => r.title && latinLookalikes(r.title) !== r.title).map((r) => r.key);
      expect(mixed, name).toEqual([]);
    }
  });
});
