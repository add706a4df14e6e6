import type { Mention } from './mention';

/**
 * Overlap resolution for the merged output of all grammars (eyecite's tokenizer rule): output is
 * sorted and never overlapping; of two overlapping spans the longer wins, then the more specific
 * kind (a resolution over the document symbol it contains, a treaty over an instrument title),
 * then the earlier one. One sort plus a linear sweep.
 *
 * One exception: mentions of the same kind with the very same span are all kept. A range expands
 * into one mention per number ("vol. 75, Nos. 970–973" is four), and the numbers inside it have no
 * surface of their own, so they share the dash's span (citation-keys.md, "Lists and ranges").
 */

const SPECIFICITY: Record<Mention['kind'], number> = {
  treaty: 6,
  resolution: 5,
  decision: 5,
  sales: 4,
  document: 3,
  instrument: 2,
};

function better(a: Mention, b: Mention): boolean {
  const la = a.end - a.offset;
  const lb = b.end - b.offset;
  if (la !== lb) return la > lb;
  if (SPECIFICITY[a.kind] !== SPECIFICITY[b.kind]) return SPECIFICITY[a.kind] > SPECIFICITY[b.kind];
  return a.offset < b.offset;
}

function sameSpan(a: Mention, b: Mention): boolean {
  return a.offset === b.offset && a.end === b.end && a.kind === b.kind;
}

/** Sorted, non-overlapping subset of `mentions` (input is not modified); same-kind identical spans are kept together. */
export function resolveOverlaps(mentions: readonly Mention[]): Mention[] {
  const sorted = mentions
    .filter((m) => m.end > m.offset)
    .sort((a, b) => a.offset - b.offset || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of sorted) {
    let top = kept[kept.length - 1];
    if (!top || top.end <= m.offset || sameSpan(top, m)) {
      kept.push(m);
      continue;
    }
    // m overlaps one or more kept spans: it wins only if it beats all of them.
    let n = kept.length;
    let wins = true;
    while (n > 0 && kept[n - 1]!.end > m.offset) {
      if (!better(m, kept[n - 1]!)) {
        wins = false;
        break;
      }
      n--;
    }
    if (!wins) continue;
    kept.length = n;
    top = m;
    kept.push(top);
  }
  return kept;
}
