/**
 * The default gazetteer for Node-side users (CLI, eval, index builder): the reviewed seed
 * (`data/gazetteer/seed.json`) merged with the titles mined from UN texts
 * (`data/gazetteer/mined.json`). The extension gets the same entries from the built index.
 */
import mined from '../../../data/gazetteer/mined.json' with { type: 'json' };
import seed from '../../../data/gazetteer/seed.json' with { type: 'json' };
import type { GazetteerEntry } from './gazetteer.ts';
import { mergeGazetteers, parseGazetteer } from './gazetteer.ts';
import type { InstrumentMatcher } from './matcher.ts';
import { createInstrumentMatcher } from './matcher.ts';

/** Seed first: its names and title order win over mined ones. */
export const defaultGazetteer: GazetteerEntry[] = mergeGazetteers(
  parseGazetteer(seed, 'data/gazetteer/seed.json'),
  parseGazetteer(mined, 'data/gazetteer/mined.json'),
);

let cached: InstrumentMatcher | undefined;

/** A matcher over {@link defaultGazetteer}, built once on first use. */
export function defaultInstrumentMatcher(): InstrumentMatcher {
  cached ??= createInstrumentMatcher(defaultGazetteer);
  return cached;
}
