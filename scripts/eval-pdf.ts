/**
 * The viewer on real PDFs: `npm run eval:pdf [-- --json]`.
 *
 * For every set of test/fixtures/pdf/<set>/ (recorded pdf.js items with hand-checked gold, scripts/lib/pdf-gold.ts),
 * reads each document as the viewer does and prints precision / recall / F1 over the multiset of (page, kind, key)
 * per document, per set and language, and overall, with the misses and extras of each document and whether the
 * document's identity was read. Reads only the repository.
 */
import { type GoldDoc, loadGoldDocs, missInText, prf, type Score, scoreDoc } from './lib/pdf-gold';

const asJson = process.argv.includes('--json');
const fmt = (x: number) => x.toFixed(3);

const docs = loadGoldDocs();
const rows = docs.map((doc: GoldDoc) => ({ doc, score: scoreDoc(doc) }));
const groups = new Map<string, Score>();
const add = (key: string, s: Score) => {
  const g = groups.get(key) ?? { tp: 0, fp: 0, fn: 0, misses: [], extras: [] };
  g.tp += s.tp;
  g.fp += s.fp;
  g.fn += s.fn;
  groups.set(key, g);
};
for (const { doc, score } of rows) {
  add(`${doc.set} ${doc.gold.lang}`, score);
  add(`all ${doc.gold.lang}`, score);
  add('all', score);
}

if (asJson) {
  const out = {
    docs: rows.map(({ doc, score }) => ({
      set: doc.set,
      name: doc.name,
      lang: doc.gold.lang,
      identity: { gold: doc.gold.identity, read: score.identity ?? null, ok: score.identityOk },
      tp: score.tp,
      fp: score.fp,
      fn: score.fn,
      ...prf(score),
      misses: score.misses.map((m) => ({ mention: m, inText: missInText(m, score.texts) ?? null })),
      extras: score.extras,
    })),
    groups: Object.fromEntries([...groups].map(([k, s]) => [k, { tp: s.tp, fp: s.fp, fn: s.fn, ...prf(s) }])),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  for (const { doc, score } of rows) {
    const { p, r, f1 } = prf(score);
    const idOk = score.identityOk
      ? 'identity ok'
      : `identity ${score.identity ?? '—'} ≠ ${doc.gold.identity}`;
    console.log(
      `${doc.set}/${doc.name} [${doc.gold.lang}]  P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}  (tp ${score.tp}, fp ${score.fp}, fn ${score.fn}; ${idOk})`,
    );
    for (const m of score.misses) {
      const seen = missInText(m, score.texts);
      console.log(
        `    miss  ${m}${seen === undefined ? '' : seen ? '  (in the text: the finder)' : '  (not in the text)'}`,
      );
    }
    for (const m of score.extras) console.log(`    extra ${m}`);
  }
  console.log('');
  for (const [k, s] of [...groups].sort()) {
    const { p, r, f1 } = prf(s);
    console.log(
      `${k.padEnd(16)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    );
  }
}
