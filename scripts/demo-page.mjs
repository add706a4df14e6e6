// Renders the bundled demo document (demo/a-res-77-176.source.md, GA resolution 77/176) as an HTML page that
// looks like a UN document page. Used by `npm start` (scripts/start.mjs) and by the e2e tests (screenshot).
// The Markdown is a small, known subset (headings, rules, *emphasis*, <sup> markers, [text](#) links), so a
// tiny converter is enough; every piece of text is escaped before markup is added.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo's source file. */
export const DEMO_SOURCE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'demo',
  'a-res-77-176.source.md',
);
/** Where the demo is shown: a UN address (in the content-script matches) answered locally, never fetched. */
export const DEMO_URL = 'https://www.un.org/__fixtures__/demo/A-RES-77-176.html';

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(text) {
  return escapeHtml(text)
    .replace(/&lt;(\/?)sup&gt;/g, '<$1sup>')
    .replace(/\[([^\]]*)\]\(#\)/g, '$1')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/ {2}$/gm, '<br>');
}

/** Converts the demo Markdown to the inner HTML of the page body. */
export function markdownToHtml(md) {
  const out = [];
  let afterRule = false;
  for (const block of md.split(/\n\s*\n/)) {
    const b = block.trim();
    if (!b) continue;
    if (/^-{3,}$/.test(b)) {
      out.push('<hr>');
      afterRule = true;
      continue;
    }
    const h = /^(#{1,3}) (.*)$/s.exec(b);
    if (h) {
      const level = h[1].length;
      out.push(`<h${level}>${inline(h[2])}</h${level}>`);
      continue;
    }
    // Blocks that start with a footnote marker right after a rule are the page's footnotes.
    const footnote = afterRule && /^<sup>\d+<\/sup>/.test(b);
    out.push(footnote ? `<p class="footnote">${inline(b)}</p>` : `<p>${inline(b)}</p>`);
    if (!footnote) afterRule = false;
  }
  return out.join('\n');
}

/** The whole demo page. */
export function renderDemoPage(md = readFileSync(DEMO_SOURCE, 'utf8')) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A/RES/77/176 — International migration and development</title>
<style>
  body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff; margin: 0; }
  header { background: #009edb; color: #fff; padding: 10px 24px; font: 14px/1.4 system-ui, sans-serif; }
  main { max-width: 760px; margin: 24px auto; padding: 0 24px; }
  h1 { font-size: 1.6em; } h2 { font-size: 1.2em; } h3 { font-size: 1.1em; }
  .footnote { font-size: 0.85em; color: #333; margin: 0.3em 0; }
  hr { border: 0; border-top: 1px solid #ccc; margin: 1.5em 0; }
</style>
</head>
<body>
<header>UN Citation Lens demo · United Nations General Assembly resolution A/RES/77/176 (text: United Nations)</header>
<main>
${markdownToHtml(md)}
</main>
</body>
</html>
`;
}
