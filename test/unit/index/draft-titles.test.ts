import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addDraftTitles,
  type Build,
  draftAdoptedAsIssued,
  loadEntries,
} from '../../../scripts/lib/build-index-entries.ts';

// The draft fields as the committed tables hold them (data/tables/ga.json.gz, hrc-official.json.gz,
// ecosoc.json.gz, from the UN data_extract metadata).
describe('draftAdoptedAsIssued: the draft a resolution was adopted on, as issued', () => {
  it.each([
    ['A/77/L.3', 'A/77/L.3'],
    ['A/74/L.1 and A/74/L.1/Add.1', 'A/74/L.1'],
    ['A/ES-10/L.27 and A/ES-10/L.27 /Add.1', 'A/ES-10/L.27'],
    ['A/78/L.84/Rev.2', 'A/78/L.84/Rev.2'],
    ['A/HRC/52/L.38', 'A/HRC/52/L.38'],
    ['A/S-32/L.1', 'A/S-32/L.1'],
  ])('%s → %s', (draft, key) => {
    expect(draftAdoptedAsIssued(draft)).toBe(key);
  });

  it.each([
    'A/75/L.59 (as amended in A/75/L.60)',
    'A/75/L.4 and A/75/L.4/Add.1, as orally revised and as amended in A/75/L.6',
    'A/75/L.119/Rev.1 (as amended in A/75/L.121/Rev.1 and as orally amended)',
    // A committee's report, not a draft.
    'A/74/483, para. 7',
  ])('%s → none', (draft) => {
    expect(draftAdoptedAsIssued(draft)).toBeUndefined();
  });
});

describe('addDraftTitles over the committed tables', () => {
  let build: Build;
  beforeAll(() => {
    build = loadEntries(join(import.meta.dirname, '../../../data'));
    addDraftTitles(build);
  });

  it('a GA draft adopted as issued carries its resolution’s titles in six languages', () => {
    const draft = build.entries.get('A/77/L.3');
    expect(draft).toMatchObject({
      kind: 'document',
      body: 'GA',
      adoptedAs: 'A/RES/77/1',
      title: build.entries.get('A/RES/77/1')?.title,
    });
    expect(draft?.title).toMatch(/^Solidarity with and support for the Government and people of Pakistan/);
    expect(draft?.titles?.fr).toMatch(/^Expression de solidarité/);
    // The Spanish text of 77/1 has no title in the export: the draft has what the resolution has.
    expect(draft?.titles).toEqual(build.entries.get('A/RES/77/1')?.titles);
    expect(Object.keys(draft?.titles ?? {}).sort()).toEqual(['ar', 'fr', 'ru', 'zh']);
  });

  it('an HRC draft and a revised GA draft are titled; the L.n a revision replaced is not', () => {
    expect(build.entries.get('A/HRC/52/L.38')?.title).toBe(
      'Promotion and protection of human rights in Nicaragua',
    );
    expect(build.entries.get('A/78/L.84/Rev.2')?.title).toBe('World Rural Development Day');
    expect(build.entries.get('A/78/L.84')?.title).toBeUndefined();
  });

  it('a draft adopted as amended or orally revised gets no title from the resolution', () => {
    expect(build.entries.get('A/RES/75/260')?.draft).toBe('A/75/L.59 (as amended in A/75/L.60)');
    expect(build.entries.get('A/75/L.59')).toBeUndefined();
    expect(build.entries.get('A/75/L.4')).toBeUndefined();
  });

  it('a draft the documents table titles keeps its own title and gains the other languages when they agree', () => {
    const draft = build.entries.get('A/79/L.21');
    // The statement writes "2024-2034" with a hyphen; the resolution an en dash.
    expect(draft?.title).toBe(
      'Programme of Action for Landlocked Developing Countries for the Decade 2024-2034',
    );
    expect(draft?.adoptedAs).toBe('A/RES/79/233');
    expect(draft?.titles?.fr).toBe(build.entries.get('A/RES/79/233')?.titles?.fr);
    expect(build.counts.drafts_titled_agreeing).toBe(7);
    expect(build.counts.drafts_titled).toBeGreaterThan(600);
  });
});
