import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// The store listings, one folder per UI language of the extension (public/_locales).
const STORE = import.meta.dirname;
const LOCALES = join(STORE, '..', 'public', '_locales');
const langs = readdirSync(LOCALES).sort();

describe.each(langs)('store listing (%s)', (lang) => {
  const dir = join(STORE, lang);
  test('has a summary within the Chrome Web Store limit and a long description', () => {
    expect(existsSync(join(dir, 'summary.txt')), `store/${lang}/summary.txt`).toBe(true);
    expect(existsSync(join(dir, 'description.md')), `store/${lang}/description.md`).toBe(true);
    const summary = readFileSync(join(dir, 'summary.txt'), 'utf8').trim();
    expect(summary.includes('\n')).toBe(false);
    expect([...summary].length).toBeLessThanOrEqual(132);
    expect([...summary].length).toBeGreaterThan(40);
    const description = readFileSync(join(dir, 'description.md'), 'utf8');
    expect(description.length).toBeGreaterThan(500);
    expect(description.length).toBeLessThan(16_000);
  });

  test('has a 1280×800 screenshot of the extension at work in that language', () => {
    // Made by `npm run store:screenshots` (a real run of the build, in a Chromium speaking that language).
    const png = readFileSync(join(dir, 'screenshot-card.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
  });

  test('names the product as the extension does and the sites it is on by default', () => {
    const messages = JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    const description = readFileSync(join(dir, 'description.md'), 'utf8');
    expect(description).toContain(messages.extName?.message ?? '(no extName)');
    for (const site of ['undocs.org', 'documents.un.org', 'treaties.un.org'])
      expect(description).toContain(site);
  });
});

test('no listing folder without a locale of the extension', () => {
  const folders = readdirSync(STORE, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  expect(folders).toEqual(langs);
});
