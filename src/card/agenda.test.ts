/**
 * Agenda lines as data/tables stores them (each string is a real row's `agendaItem`: ga.json.gz, sc.json.gz,
 * ecosoc.json.gz, ga-decisions.json.gz), read into item number and title.
 */
import { describe, expect, test } from 'vitest';
import { tEn } from '../../test/unit/i18n';
import { agendaItemText, parseAgenda } from './agenda';

describe('parseAgenda', () => {
  test('the Digital Library line of A/RES/73/195: two items, no subject headings', () => {
    expect(
      parseAgenda(
        'A/73/251 14 Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations conferences and summits in the economic, social and related fields. UN CONFERENCES | A/73/251 119 Follow-up to the outcome of the Millennium Summit. MILLENNIUM SUMMIT (2000 : NEW YORK)',
      ),
    ).toEqual([
      {
        number: '14',
        title:
          'Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations conferences and summits in the economic, social and related fields',
        agenda: 'A/73/251',
      },
      { number: '119', title: 'Follow-up to the outcome of the Millennium Summit', agenda: 'A/73/251' },
    ]);
  });

  test.each([
    // A letter glued to the number, a heading with a lower-case placeholder year (A/RES/73/56).
    [
      'A/73/251 101g Convening of the 4th special session of the General Assembly devoted to disarmament. DISARMAMENT--UN. GENERAL ASSEMBLY (4TH SPECIAL SESS. ON DISARMAMENT : xxxx)',
      {
        number: '101 (g)',
        title: 'Convening of the 4th special session of the General Assembly devoted to disarmament',
        agenda: 'A/73/251',
      },
    ],
    [
      'A/73/251 101bb The Arms Trade Treaty. ARMS TRANSFERS--INTERNATIONAL INSTRUMENTS',
      { number: '101 (bb)', title: 'The Arms Trade Treaty', agenda: 'A/73/251' },
    ],
    // No full stop before the heading (A/RES/63/237).
    [
      'A/63/251 155 Recognition of sickle-cell anaemia as a public health priority SICKLE-CELL ANAEMIA',
      {
        number: '155',
        title: 'Recognition of sickle-cell anaemia as a public health priority',
        agenda: 'A/63/251',
      },
    ],
    // An agenda with addenda; an old agenda without a heading.
    [
      'A/9201 & Add.1-4 37 Implementation of General Assembly resolution 2935 (XXVII).',
      { number: '37', title: 'Implementation of General Assembly resolution 2935 (XXVII)', agenda: 'A/9201' },
    ],
    [
      'A/660 58 Draft international declaration of human rights.',
      { number: '58', title: 'Draft international declaration of human rights', agenda: 'A/660' },
    ],
    // An item with a heading only.
    ['A/55/251 114b[24] MIGRANTS--PROTECTION', { number: '114 (b)', agenda: 'A/55/251' }],
    // The Council: an unnumbered item by its title.
    ['S/ X The situation in the Middle East.', { title: 'The situation in the Middle East' }],
    // Official metadata: the number alone.
    ['116 (d)', { number: '116 (d)' }],
    ['20 and 78 (a)', { number: '20 and 78 (a)' }],
  ])('%s', (raw, item) => {
    expect(parseAgenda(raw)).toEqual([item]);
  });

  test.each([
    'S37',
    'S/71 [53] TERRITORIES OCCUPIED BY ISRAEL | S/71 [50] PALESTINE QUESTION | S/71 [54] MIDDLE EAST SITUATION',
    '',
  ])('%s names no item (a yearly code, subject headings only)', (raw) => {
    expect(parseAgenda(raw)).toEqual([]);
  });
});

test('agendaItemText: number and title, number alone, title alone', () => {
  expect(agendaItemText({ number: '14', title: 'Question of Palestine' }, tEn)).toBe(
    'Item 14: Question of Palestine',
  );
  expect(agendaItemText({ number: '116 (d)' }, tEn)).toBe('Item 116 (d)');
  expect(agendaItemText({ title: 'The situation in the Middle East' }, tEn)).toBe(
    'The situation in the Middle East',
  );
});

test('a long title ends at a word with "…" (A/RES/73/195, item 14: 175 characters)', () => {
  const title =
    'Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations conferences and summits in the economic, social and related fields';
  const text = agendaItemText({ number: '14', title }, tEn);
  expect(text).toBe(
    'Item 14: Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations …',
  );
  expect(title.startsWith(text.slice('Item 14: '.length, -2))).toBe(true);
});
