#!/usr/bin/env node
/**
 * Makes the PDF fixtures of the viewer's e2e tests and benchmark from real UN text (the dev corpus kept in the
 * repository, test/fixtures/corpus/dev).
 *
 * The PDFs are laid out the way UN Official Documents are: a masthead (organ, symbol, distribution, date), Times
 * body text, superscript footnote markers with the footnotes at the bottom of the page that cites them, a running
 * head with the document's own symbol on every later page, a footer with the job number and "page/pages", and
 * the job number with its barcode line on the first page. Long words are hyphenated at line ends and some
 * symbols are broken across lines as word processors do ("FCCC/CP/2015/10/Add." + "1"), because that is what
 * makes PDF text hard. The PostScript is written here and turned into PDF by ghostscript (`gs`, pdfwrite).
 *
 * Usage: `node scripts/make-test-pdfs.mjs [OUT_DIR]` (default test/fixtures/pdf/generated, git-ignored).
 * Each document gives NAME.pdf and NAME.expected.json (the gold (kind, key) pairs, the identity symbol and the
 * page furniture strings that must NOT be annotated). Generated files are build artefacts: never commit them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'dev');

// A4 in points; UN documents are A4 with about one-inch margins.
const PAGE_W = 595;
const PAGE_H = 842;
const LEFT = 72;
const RIGHT = 523;
const TOP = 770; // first baseline of body text on pages after the first
const BOTTOM = 70; // lowest baseline of body text or footnotes
const BODY = { font: 'TR', size: 10, lead: 12 };
const NOTE = { font: 'TR', size: 8, lead: 9.5 };
const SUP_SCALE = 0.62;
const SUP_RISE = 0.36;

/** Unicode characters outside Latin-1 that the corpus texts use, placed in free codes of the encoding. */
const EXTRA_GLYPHS = {
  '\u201c': [128, 'quotedblleft'],
  '\u201d': [129, 'quotedblright'],
  '\u2018': [130, 'quoteleft'],
  '\u2019': [131, 'quoteright'],
  '\u2013': [132, 'endash'],
  '\u2014': [133, 'emdash'],
  '\u2022': [134, 'bullet'],
};

const FONTS = {
  TR: 'Times-Roman',
  TB: 'Times-Bold',
  TI: 'Times-Italic',
  HB: 'Helvetica-Bold',
  H: 'Helvetica',
};

const PROLOG = `%!PS-Adobe-3.0
/UEnc ISOLatin1Encoding 256 array copy def
UEnc 39 /quotesingle put UEnc 96 /grave put UEnc 45 /hyphen put
${Object.values(EXTRA_GLYPHS)
  .map(([code, name]) => `UEnc ${code} /${name} put`)
  .join('\n')}
/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding UEnc def currentdict end definefont pop } def
${Object.entries(FONTS)
  .map(([k, f]) => `/U${k} /${f} reenc`)
  .join('\n')}
`;

/** Glyph widths (per 1000 units) of every font in the encoding above, measured by ghostscript itself. */
function measureFonts() {
  const ps = `${PROLOG}
${Object.keys(FONTS)
  .map(
    (k) =>
      `/U${k} findfont 1000 scalefont setfont (\\n${k}:) print 0 1 255 { /c exch def ( ) dup 0 c put stringwidth pop cvi 20 string cvs print (,) print } for`,
  )
  .join('\n')}
`;
  const out = execFileSync('gs', ['-q', '-dNODISPLAY', '-dBATCH', '-dNOPAUSE', '-'], {
    input: ps,
  }).toString();
  const widths = {};
  for (const line of out.split('\n')) {
    const m = /^(\w+):(.*)$/.exec(line.trim());
    if (m) widths[m[1]] = m[2].split(',').filter(Boolean).map(Number);
  }
  return widths;
}

const WIDTHS = measureFonts();

function code(ch) {
  const extra = EXTRA_GLYPHS[ch];
  if (extra) return extra[0];
  const c = ch.charCodeAt(0);
  if (c < 256) return c;
  throw new Error(`no glyph for ${JSON.stringify(ch)} (U+${c.toString(16)})`);
}

function textWidth(s, font, size) {
  const w = WIDTHS[font];
  let sum = 0;
  for (const ch of s) sum += w[code(ch)] ?? 500;
  return (sum * size) / 1000;
}

function psString(s) {
  let out = '(';
  for (const ch of s) {
    const c = code(ch);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (c < 32 || c > 126) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

/**
 * A paragraph: runs of text in one style; `{ note: n }` runs are footnote markers (superscript).
 * @typedef {{ text?: string, note?: string }} Run
 * @typedef {{ runs: Run[], font: string, size: number, lead: number, indent: number, align?: 'center',
 *   spaceBefore: number }} Para
 */

/** Words of a paragraph, each a list of pieces (text or marker) that must stay on one line. */
function words(para) {
  const out = [];
  let cur = [];
  for (const run of para.runs) {
    if (run.note) {
      cur.push({ note: run.note });
      continue;
    }
    const parts = run.text.split(/( +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^ +$/.test(part)) {
        if (cur.length) out.push(cur);
        cur = [];
      } else cur.push({ text: part });
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

function pieceWidth(p, para) {
  return p.note
    ? textWidth(p.note, para.font, para.size * SUP_SCALE)
    : textWidth(p.text, para.font, para.size);
}
const wordWidth = (w, para) => w.reduce((s, p) => s + pieceWidth(p, para), 0);

/**
 * Symbols that must break at a given place, as the brief asks and as real UN PDFs show ("FCCC\n/CP/2015/L.9",
 * "FCCC/CP/2015/10/Add.\n1"): the line ends after the prefix whatever room is left.
 */
const FORCED_BREAKS = new Map([
  ['FCCC/CP/2015/10/Add.1,', 'FCCC/CP/2015/10/Add.'],
  ['(E/2008/25),', '(E/2008/'],
]);

// Long lower-case words may be hyphenated at line end (at least 3 letters each side), like justified UN text.
const HYPHENABLE = /^[a-z]{9,}[,;.]?$/;

/** Breaks a paragraph into lines of pieces; each line is `{ pieces, width }`. */
function breakLines(para, width) {
  const lines = [];
  let line = [];
  let lineW = 0;
  const space = textWidth(' ', para.font, para.size);
  const push = () => {
    lines.push(line);
    line = [];
    lineW = 0;
  };
  const avail = () => width - (lines.length === 0 ? para.indent : 0);
  const queue = words(para);
  while (queue.length) {
    const w = queue.shift();
    const ww = wordWidth(w, para);
    const sep = line.length ? space : 0;
    const only = w.length === 1 && w[0].text !== undefined ? w[0].text : undefined;
    const forced = only !== undefined ? FORCED_BREAKS.get(only) : undefined;
    if (forced) {
      const head = [{ text: forced }];
      const tail = [{ text: only.slice(forced.length) }];
      if (lineW + sep + wordWidth(head, para) > avail()) push();
      if (line.length) line.push({ space: true });
      line.push(...head);
      push();
      queue.unshift(tail);
      continue;
    }
    if (lineW + sep + ww <= avail()) {
      if (line.length) line.push({ space: true });
      line.push(...w);
      lineW += sep + ww;
      continue;
    }
    if (only && HYPHENABLE.test(only) && line.length) {
      // Longest head (3+ letters, leaving 3+) that fits with its hyphen.
      for (let cut = only.replace(/[,;.]$/, '').length - 3; cut >= 3; cut--) {
        const head = `${only.slice(0, cut)}-`;
        if (lineW + sep + textWidth(head, para.font, para.size) <= avail()) {
          line.push({ space: true }, { text: head });
          push();
          queue.unshift([{ text: only.slice(cut) }]);
          break;
        }
      }
      if (line.length === 0) continue;
    }
    if (line.length) push();
    line.push(...w);
    lineW = ww;
  }
  if (line.length) push();
  return lines;
}

/** PostScript for one line of pieces at (x, y). */
function drawLine(pieces, para, x, y) {
  const ops = [];
  // One `show` per run of plain text, so pdf.js gets several items per line, as from real PDFs.
  let text = '';
  let cx = x;
  const flush = () => {
    if (!text) return;
    ops.push(
      `/U${para.font} ${para.size} selectfont ${cx.toFixed(2)} ${y.toFixed(2)} moveto ${psString(text)} show`,
    );
    cx += textWidth(text, para.font, para.size);
    text = '';
  };
  for (const p of pieces) {
    if (p.space) text += ' ';
    else if (p.note) {
      flush();
      const size = para.size * SUP_SCALE;
      ops.push(
        `/U${para.font} ${size.toFixed(2)} selectfont ${cx.toFixed(2)} ${(y + para.size * SUP_RISE).toFixed(2)} moveto ${psString(p.note)} show`,
      );
      cx += textWidth(p.note, para.font, size);
    } else text += p.text;
  }
  flush();
  return ops.join('\n');
}

/** Parses the seed's Markdown rendering (`<sup>n</sup>` marks footnote markers and footnote labels). */
function parseSourceMd(md) {
  const blocks = md
    .replace(/\r/g, '')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b && b !== '---');
  const body = [];
  const notes = new Map();
  for (const raw of blocks) {
    let b = raw
      .replace(/\[([^\]]*)\]\(#\)/g, '$1')
      .replace(/\\([()[\]*_])/g, '$1')
      .replace(/ {2,}\n/g, '\n');
    const heading = /^#+ /.test(b);
    b = b.replace(/^#+ /, '');
    const italic = /^\*[^*]+\*$/.test(b);
    b = b.replace(/^\*|\*$/g, '').replace(/\s*\n\s*/g, ' ');
    const label = /^<sup>(\d+)<\/sup>\s*(.*)$/s.exec(b);
    if (label) {
      notes.set(label[1], label[2].replace(/\*/g, ''));
      continue;
    }
    const runs = [];
    let last = 0;
    for (const m of b.matchAll(/<sup>([^<]+)<\/sup>/g)) {
      runs.push({ text: b.slice(last, m.index).replace(/\*/g, '') });
      runs.push({ note: m[1] });
      last = m.index + m[0].length;
    }
    runs.push({ text: b.slice(last).replace(/\*/g, '') });
    const item = { runs: runs.filter((r) => r.note || r.text), heading, italic };
    const prev = body.at(-1);
    const prevText = prev?.runs.at(-1)?.text ?? '';
    // The Markdown splits a sentence where a page of footnotes interrupted it ("declaration on" / "the
    // occasion of"): one paragraph again.
    if (prev && !heading && /[\p{L}\d]$/u.test(prevText) && /^\p{Ll}/u.test(item.runs[0]?.text ?? '')) {
      prev.runs.push({ text: ' ' }, ...item.runs);
      continue;
    }
    body.push(item);
  }
  return { body, notes };
}

/** Lays out paragraphs on pages with footnotes at the bottom of the page that cites them; returns PostScript. */
function typeset(doc) {
  const pages = [];
  let page = null;
  const newPage = () => {
    page = { ops: [], y: pages.length === 0 ? doc.firstTop : TOP, notes: [], noteH: 0 };
    pages.push(page);
  };
  newPage();
  const noteParas = new Map();
  for (const [label, text] of doc.notes) {
    const para = { runs: [{ text }], ...NOTE, indent: 0, spaceBefore: 0 };
    noteParas.set(label, { label, para, lines: breakLines(para, RIGHT - LEFT - 14) });
  }
  const noteHeight = (n) => n.lines.length * NOTE.lead + 2;
  const SEPARATOR = 14;
  for (const para of doc.paras) {
    const width = RIGHT - LEFT;
    const lines = breakLines(para, width);
    let first = true;
    for (const line of lines) {
      const notes = line.filter((p) => p.note).map((p) => noteParas.get(p.note));
      const extra = notes.reduce((s, n) => s + noteHeight(n), 0);
      const gap = first ? para.spaceBefore : 0;
      const noteBlock = page.noteH + extra + (page.notes.length || notes.length ? SEPARATOR : 0);
      if ((first && para.breakBefore) || page.y - gap - para.lead < BOTTOM + noteBlock) newPage();
      page.y -= (first && page.ops.length ? gap : 0) + para.lead;
      const lw = line.reduce(
        (s, p) => s + (p.space ? textWidth(' ', para.font, para.size) : pieceWidth(p, para)),
        0,
      );
      const x = para.align === 'center' ? LEFT + (width - lw) / 2 : LEFT + (first ? para.indent : 0);
      page.ops.push(drawLine(line, para, x, page.y));
      for (const n of notes) {
        page.notes.push(n);
        page.noteH += noteHeight(n);
      }
      first = false;
    }
  }
  const total = pages.length;
  const out = [PROLOG];
  pages.forEach((pg, i) => {
    const n = i + 1;
    out.push(`%%Page: ${n} ${n}`, `<< /PageSize [${PAGE_W} ${PAGE_H}] >> setpagedevice`);
    if (n === 1) out.push(doc.masthead);
    else {
      // Running head: the document's own symbol, outside on alternate pages, as UN documents print it.
      const w = textWidth(doc.symbol, 'HB', 9);
      out.push(
        `/UHB 9 selectfont ${n % 2 ? (RIGHT - w).toFixed(2) : LEFT} 800 moveto ${psString(doc.symbol)} show`,
        `0.5 setlinewidth ${LEFT} 795 moveto ${RIGHT} 795 lineto stroke`,
      );
    }
    out.push(pg.ops.join('\n'));
    if (pg.notes.length) {
      let y = BOTTOM + pg.noteH;
      out.push(`0.5 setlinewidth ${LEFT} ${y + 8} moveto ${LEFT + 100} ${y + 8} lineto stroke`);
      for (const note of pg.notes) {
        let first = true;
        for (const line of note.lines) {
          y -= NOTE.lead;
          if (first) {
            out.push(drawLine([{ note: note.label }], NOTE, LEFT, y));
          }
          out.push(drawLine(line, NOTE, LEFT + 14, y));
          first = false;
        }
        y -= 2;
      }
    }
    if (n === 1) {
      out.push(
        `/UH 8 selectfont ${LEFT} 40 moveto ${psString(`${doc.job} (E)    ${doc.jobDate}`)} show`,
        `/UH 10 selectfont ${LEFT} 28 moveto ${psString(`*${doc.job.replace('-', '')}*`)} show`,
      );
    } else {
      // Footer: job number and page/pages, mirrored on even pages ("2/24   22-28767", "22-28767   3/24").
      const text = n % 2 ? `${doc.job}    ${n}/${total}` : `${n}/${total}    ${doc.job}`;
      const w = textWidth(text, 'H', 8);
      out.push(`/UH 8 selectfont ${n % 2 ? (RIGHT - w).toFixed(2) : LEFT} 40 moveto ${psString(text)} show`);
    }
    out.push('showpage');
  });
  out.push('%%EOF');
  return { ps: out.join('\n'), pages: total };
}

function mastheadPs({ organ, symbol, distr, date, organSize }) {
  const symW = textWidth(symbol, 'HB', 17);
  return [
    `/UHB 11 selectfont ${LEFT} 800 moveto (United Nations) show`,
    `/UHB 17 selectfont ${(RIGHT - symW).toFixed(2)} 800 moveto ${psString(symbol)} show`,
    `1.5 setlinewidth ${LEFT} 792 moveto ${RIGHT} 792 lineto stroke`,
    `/UHB ${organSize} selectfont ${LEFT} 768 moveto ${psString(organ)} show`,
    `/UTR 10 selectfont 400 772 moveto ${psString(distr)} show`,
    `/UTR 10 selectfont 400 760 moveto ${psString(date)} show`,
    `0.5 setlinewidth ${LEFT} 750 moveto ${RIGHT} 750 lineto stroke`,
  ].join('\n');
}

const para = (text, style = {}) => ({
  runs: typeof text === 'string' ? [{ text }] : text,
  ...BODY,
  indent: 0,
  spaceBefore: 6,
  ...style,
});

function seedDoc() {
  const md = readFileSync(join(CORPUS, 'seed-a-res-77-176.source.md'), 'utf8');
  const { body, notes } = parseSourceMd(md);
  // The first three blocks are the masthead (organ, distribution, date): drawn by `mastheadPs`.
  const start = body.findIndex((b) => b.runs[0]?.text?.startsWith('Seventy-seventh session'));
  const paras = body.slice(start).map((b, i) => {
    const text = b.runs.map((r) => r.text ?? '').join('');
    if (/^\d+\/\d+\. /.test(text)) return para(b.runs, { font: 'TB', size: 12, lead: 14, spaceBefore: 10 });
    if (b.heading) return para(b.runs, { font: 'TB', spaceBefore: i < 2 ? 2 : 8 });
    if (b.italic) return para(b.runs, { font: 'TI', indent: 24 });
    if (text.startsWith('[')) return para(b.runs, { align: 'center' });
    return para(b.runs, { indent: 24 });
  });
  return {
    name: 'a-res-77-176',
    gold: 'seed-a-res-77-176.gold.json',
    symbol: 'A/RES/77/176',
    job: '22-28767',
    jobDate: '030123',
    firstTop: 735,
    masthead: mastheadPs({
      organ: 'General Assembly',
      symbol: 'A/RES/77/176',
      distr: 'Distr.: General',
      date: '22 December 2022',
      organSize: 17,
    }),
    paras,
    notes,
  };
}

function scDoc() {
  const txt = readFileSync(join(CORPUS, '115-sc-res-2223-2015-en.txt'), 'utf8');
  // The stored page: a site banner, then the resolution from its masthead symbol; the excerpt ends mid-word,
  // so it is cut at the last complete clause.
  const from = txt.indexOf('Resolution 2223 (2015)\nAdopted');
  let text = txt.slice(from);
  text = text.slice(0, text.lastIndexOf(',') + 1).replace(/,$/, '.');
  const [title, adopted, ...rest] = text.split('\n');
  const bodyText = rest.join(' ');
  // Preambular paragraphs start with a participle in italics in the original; here: one paragraph each.
  const pieces = bodyText.split(
    /,\s+(?=(?:Recalling|Reaffirming|Underscoring|Strongly|Expressing|Noting)\b)/,
  );
  const paras = [
    para(title, { font: 'TB', size: 12, lead: 14, spaceBefore: 0 }),
    para(adopted, { font: 'TB', spaceBefore: 4 }),
    ...pieces.map((p, i) => {
      const t = i < pieces.length - 1 ? `${p},` : p;
      const m = /^(The Security Council,)\s*(.*)$/s.exec(t);
      return m
        ? [para(m[1], { font: 'TI', indent: 24, spaceBefore: 10 }), para(m[2], { indent: 24 })]
        : [para(t, { indent: 24, breakBefore: i === pieces.length - 2 })];
    }),
  ].flat();
  return {
    name: 's-res-2223-2015',
    gold: '115-sc-res-2223-2015-en.gold.json',
    symbol: 'S/RES/2223 (2015)',
    job: '15-08618',
    jobDate: '290515',
    firstTop: 735,
    masthead: mastheadPs({
      organ: 'Security Council',
      symbol: 'S/RES/2223 (2015)',
      distr: 'Distr.: General',
      date: '28 May 2015',
      organSize: 17,
    }),
    paras,
    notes: new Map(),
  };
}

/**
 * Writes every fixture PDF (and its expectations) into `outDir`; returns what was written.
 * @param {string} outDir
 * @returns {{ name: string, pdf: string, expected: string, pages: number }[]}
 */
export function makeTestPdfs(outDir) {
  mkdirSync(outDir, { recursive: true });
  const made = [];
  for (const doc of [seedDoc(), scDoc()]) {
    const { ps, pages } = typeset(doc);
    const psPath = join(outDir, `${doc.name}.ps`);
    const pdf = join(outDir, `${doc.name}.pdf`);
    writeFileSync(psPath, ps);
    execFileSync('gs', [
      '-q',
      '-dNOPAUSE',
      '-dBATCH',
      '-dSAFER',
      '-sDEVICE=pdfwrite',
      `-sOutputFile=${pdf}`,
      psPath,
    ]);
    const gold = JSON.parse(readFileSync(join(CORPUS, doc.gold), 'utf8'));
    const expected = join(outDir, `${doc.name}.expected.json`);
    writeFileSync(
      expected,
      `${JSON.stringify(
        {
          source: doc.gold,
          identity: doc.symbol,
          pages,
          // Page furniture that must never become a mention.
          furniture: [doc.symbol, doc.job],
          mentions: gold.mentions.map((m) => ({ kind: m.kind, key: m.key, surface: m.surface })),
        },
        null,
        1,
      )}\n`,
    );
    made.push({ name: doc.name, pdf, expected, pages });
  }
  // A "scan": pages with only pictures of text (filled boxes), no text layer; the viewer must say so.
  const scanPs = [
    '%!PS-Adobe-3.0',
    ...[1, 2].flatMap((n) => [
      `%%Page: ${n} ${n}`,
      '<< /PageSize [595 842] >> setpagedevice 0.3 setgray',
      ...Array.from({ length: 40 }, (_, k) => `72 ${760 - k * 16} ${300 + ((k * 37) % 150)} 8 rectfill`),
      'showpage',
    ]),
    '%%EOF',
  ].join('\n');
  const scanPath = join(outDir, 'scan.ps');
  const scanPdf = join(outDir, 'scan.pdf');
  writeFileSync(scanPath, scanPs);
  execFileSync('gs', [
    '-q',
    '-dNOPAUSE',
    '-dBATCH',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    `-sOutputFile=${scanPdf}`,
    scanPath,
  ]);
  made.push({ name: 'scan', pdf: scanPdf, expected: '', pages: 2 });
  return made;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(ROOT, 'test/fixtures/pdf/generated'));
  for (const m of makeTestPdfs(out)) console.log(`${m.pdf} (${m.pages} pages)`);
}
