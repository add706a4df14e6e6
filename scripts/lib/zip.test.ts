import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readZipEntry, zipEntryNames } from './zip.ts';

// Zips made by Info-ZIP's `zip` (stored and deflated entries, a folder), read back entry for entry.
describe('zip reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uncl-zip-'));
  mkdirSync(join(dir, 'src', 'index'), { recursive: true });
  const manifest = JSON.stringify({ manifest_version: 3, version: '1.2.3' });
  const big = 'Recalling its resolution 73/195 of 19 December 2018, '.repeat(2000);
  writeFileSync(join(dir, 'src', 'manifest.json'), manifest);
  writeFileSync(join(dir, 'src', 'index', 'shard.json'), big);

  test('names and contents of deflated entries, with a folder', () => {
    execFileSync('zip', ['-q', '-r', join(dir, 'a.zip'), '.'], { cwd: join(dir, 'src') });
    const zip = readFileSync(join(dir, 'a.zip'));
    expect(zipEntryNames(zip).sort()).toEqual(['index/', 'index/shard.json', 'manifest.json']);
    expect(readZipEntry(zip, 'manifest.json').toString()).toBe(manifest);
    expect(readZipEntry(zip, 'index/shard.json').toString()).toBe(big);
  });

  test('stored entries (zip -0)', () => {
    execFileSync('zip', ['-q', '-0', '-r', join(dir, 'b.zip'), '.'], { cwd: join(dir, 'src') });
    expect(readZipEntry(readFileSync(join(dir, 'b.zip')), 'index/shard.json').toString()).toBe(big);
  });

  test('a file that is not a zip, and a missing entry, are clear errors', () => {
    expect(() => zipEntryNames(Buffer.from('not a zip at all, just text'.repeat(3)))).toThrow(/not a zip/);
    execFileSync('zip', ['-q', '-r', join(dir, 'c.zip'), '.'], { cwd: join(dir, 'src') });
    expect(() => readZipEntry(readFileSync(join(dir, 'c.zip')), 'missing.json')).toThrow(/no missing.json/);
  });
});
