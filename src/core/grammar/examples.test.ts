import { describe, expect, it } from 'vitest';
import { detectLang } from '../find';
import type { Mention } from '../mention';
import { normalize } from '../normalize';
import type { ScanContext } from './context';
import * as officialRecords from './official-records';
import * as resolution from './resolution';
import * as sales from './sales';
import * as symbol from './symbol';
import * as treaty from './treaty';

/**
 * Every grammar module exports `examples = { match, noMatch }`: each match example must be found by
 * its own rule and by no other rule; each noMatch example must not be found by its own rule.
 */
type Scan = (text: string, ctx: ScanContext) => Mention[];
interface GrammarModule {
  name: string;
  scan: Scan;
  examples: { match: string[]; noMatch: string[] };
}

const modules: GrammarModule[] = Object.entries({
  resolution,
  symbol,
  treaty,
  sales,
  officialRecords,
}).flatMap(([name, mod]) => {
  const m = mod as Record<string, unknown>;
  const scan = Object.entries(m).find(([k, v]) => /^scan/.test(k) && typeof v === 'function')?.[1] as
    | Scan
    | undefined;
  const examples = m.examples as GrammarModule['examples'] | undefined;
  return scan && examples ? [{ name, scan, examples }] : [];
});

function run(scan: Scan, example: string): Mention[] {
  const text = normalize(example).text;
  return scan(text, { lang: detectLang(text) });
}

describe('grammar examples', () => {
  it('covers every grammar module', () => {
    expect(modules.map((m) => m.name).sort()).toEqual([
      'officialRecords',
      'resolution',
      'sales',
      'symbol',
      'treaty',
    ]);
  });
  for (const mod of modules) {
    describe(mod.name, () => {
      it.each(mod.examples.match)('finds %s', (example) => {
        expect(run(mod.scan, example).length).toBeGreaterThan(0);
      });
      it.each(mod.examples.match)('no other rule takes %s', (example) => {
        const others = modules
          .filter((o) => o !== mod)
          .flatMap((o) => run(o.scan, example).map((m) => `${o.name}: ${m.kind} ${m.key} "${m.surface}"`));
        expect(others).toEqual([]);
      });
      it.each(mod.examples.noMatch)('ignores %s', (example) => {
        expect(run(mod.scan, example)).toEqual([]);
      });
    });
  }
});
