/**
 * Pages built to hurt a content script, shared by the e2e responsiveness test (test/e2e/content-responsive.test.ts)
 * and the page benchmark (scripts/bench/page.ts), so that both measure the same pages.
 */

/** A minimal English page around `body`. */
export function hostilePage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>load</title></head><body>${body}</body></html>`;
}

/** A 10 MB `<pre>` of "A/A/A/…": no line or word break to cut the finder's windows at. */
export function pre10mb(): string {
  return hostilePage(`<pre>${'A/'.repeat(5 * 1024 * 1024)}</pre>`);
}

/** One 200 KB `<p>` dense with citations ("S/RES/1 (" repeated: about 22 000 mentions). */
export function dense200kb(): string {
  return hostilePage(`<p>${'S/RES/1 ('.repeat((200 * 1024) / 9)}</p>`);
}

/** A list of 100 000 items, about 200 000 text nodes, with a citation in every thousandth item (100 in all). */
export function nodes200k(): string {
  const items: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    items.push(
      i % 1000 === 0
        ? `<li>Recalling its resolution 73/195 <b>item ${i}</b></li>`
        : `<li>row <b>${i}</b></li>`,
    );
  }
  return hostilePage(`<ul>${items.join('')}</ul>`);
}
