import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './cite';

const root = join(import.meta.dirname, '..', '..');

function cite(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/cite.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('cite CLI', () => {
  it('prints JSON lines, reports bad files on stderr and still processes the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cite-'));
    const good = join(dir, 'good.txt');
    const binary = join(dir, 'bin.txt');
    writeFileSync(good, 'Recalling its resolution 73/195 of 19 December 2018,');
    writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
    const r = cite(join(dir, 'missing.txt'), binary, good);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt.*ENOENT/);
    expect(r.stderr).toMatch(/bin\.txt.*binary/);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        file: good,
        offset: 10,
        surface: 'its resolution 73/195',
        kind: 'resolution',
        key: 'A/RES/73/195',
        confidence: 0.9,
        date: '2018-12-19',
      },
    ]);
  }, 120_000);
});

describe('htmlToText', () => {
  it('keeps visible text only, decodes entities, puts blocks on their own lines', () => {
    const html =
      '<html><head><title>t</title><style>p{}</style></head><body><script>var a="resolution 1/1"</script>' +
      '<p>General Assembly resolution&nbsp;73/195</p><template>x</template><div>S/RES/2334&#32;(2016)</div></body></html>';
    const text = htmlToText(html);
    expect(text).not.toMatch(/script|var a|p\{\}|<|template|x<|title/);
    expect(text).toContain('General Assembly resolution\u00a073/195\n');
    expect(text).toContain('S/RES/2334 (2016)');
  });
});
