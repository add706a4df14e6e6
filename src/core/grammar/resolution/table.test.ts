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
