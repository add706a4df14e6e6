/**
 * `npm run index:report [-- --json]`: builds the index in memory from data/ and reports its counts,
 * coverage and every (resolution, date) pair whose date in a citing text disagrees with the index.
 * With --json, prints last ONE JSON object with the counts (for CI and the lead's dashboards).
 */
import { join, resolve } from 'node:path';
import { buildIndex } from './lib/build-index.ts';
import { readJson } from './lib/data-io.ts';

const root = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const built = buildIndex(join(root, 'data'));
const c = built.manifest.counts;
let mined: Record<string, unknown> = {};
try {
  mined = readJson(join(root, 'data/mined/stats.json'));
} catch {
  // A clone without mined stats still reports what it builds.
}

if (!json) {
  const lines: string[] = [];
  lines.push('UN Citation Lens index report', '');
  lines.push('Entries per body and kind:');
  for (const [k, v] of Object.entries(c)
    .filter(([k]) => k.startsWith('entries_'))
    .sort())
    lines.push(`  ${k.slice(8).padEnd(22)} ${v}`);
  lines.push(`  ${'total'.padEnd(22)} ${c.entries}   (+ ${c.stubs ?? 0} keys known only as cited)`);
  lines.push(
    `  of which known only from citing texts: ${c.derived_only_entries ?? 0}; only from the instrument gazetteer: ${c.gazetteer_only_entries ?? 0}`,
  );
  lines.push('');
  lines.push(
    `Citation edges: ${c.edges} (dropped ${c.edges_dropped_single_non_english} seen in one non-English text only)`,
  );
  lines.push(
    `Six-language check: edges per language ${['en', 'fr', 'es', 'ru', 'zh', 'ar'].map((l) => `${l} ${c[`edges_seen_${l}`] ?? 0}`).join(', ')}; English edges confirmed by another language ${c.cross_language_agreement}; in all six ${c.edges_all_six ?? 0}`,
  );
  lines.push(
    `Series: ${c.series}; derived facts: ${c.derived_facts}; searchable (latin/cyrillic/cjk/arabic): ${c.searchable_latin}/${c.searchable_cyrillic}/${c.searchable_cjk}/${c.searchable_arabic}; gazetteer: ${c.gazetteer_entries}`,
  );
  lines.push(
    `Coverage of cited keys: all ${c.coverage_all} (${c.cited_all_keys_known}/${c.cited_all_keys}), resolutions ${c.coverage_resolution} (${c.cited_resolution_keys_known}/${c.cited_resolution_keys}), treaties ${c.coverage_treaty}`,
  );
  lines.push(
    `  … known from metadata tables alone: resolutions ${c.coverage_resolution_tables}, all ${c.coverage_all_tables}`,
  );
  lines.push(
    `Mined with: ${String(mined.finder ?? '?')} on ${String(mined.texts ?? '?')} texts (${String(mined.mined ?? '?')})`,
  );
  lines.push('');
  lines.push(
    `Date agreement: ${c.date_pairs_agreeing}/${c.date_pairs_checked} (resolution, date) pairs written in texts agree with the index; ${built.disagreements.length} disagree:`,
  );
  lines.push(`  ${'key'.padEnd(20)} ${'index'.padEnd(11)} ${'cited'.padEnd(11)} texts  first citing`);
  for (const d of built.disagreements)
    lines.push(
      `  ${d.key.padEnd(20)} ${d.indexDate.padEnd(11)} ${d.citedDate.padEnd(11)} ${String(d.texts).padStart(5)}  ${d.source}`,
    );
  lines.push('');
  lines.push(
    `Keys known only from citing texts, whose texts give different dates (${built.derivedConflicts.length}; most cited first):`,
  );
  for (const [key, dates] of built.derivedConflicts) lines.push(`  ${key.padEnd(20)} ${dates.join(', ')}`);
  console.log(lines.join('\n'));
} else {
  const out = {
    ...c,
    mined_texts: mined.texts,
    mined_mentions: mined.mentions,
    finder: mined.finder,
    disagreements: built.disagreements.length,
  };
  console.log(JSON.stringify(out));
}
