import { describe, expect, test, vi } from 'vitest';
import { IndexError, loadIndex, openIndex } from '../core/index';

vi.mock('../shared/browser', () => ({ browser: {} }));
const { createIndexService, extensionFetcher } = await import('./index-service');
const { ProtocolFailure } = await import('../shared/messaging');

const getURL = (p: string) => `chrome-extension://id/${p}`;

describe('extensionFetcher', () => {
  test('reads index/<path> from the extension and reports a missing file as IndexError', async () => {
    const seen: string[] = [];
    const fetchFn = (async (url: string) => {
      seen.push(url);
      return new Response('nope', { status: 404 });
    }) as unknown as typeof fetch;
    const fetcher = extensionFetcher(getURL, fetchFn);
    const error = await fetcher('manifest.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).code).toBe('missing');
    expect(seen).toEqual(['chrome-extension://id/index/manifest.json']);
  });
  test('hands over a gzip file as the response body’s stream (inflated as it arrives), JSON as text', async () => {
    const fetchFn = (async (url: string) =>
      new Response(
        url.endsWith('.gz') ? new Uint8Array([31, 139]) : '{"format":1}',
      )) as unknown as typeof fetch;
    const fetcher = extensionFetcher(getURL, fetchFn);
    expect(await fetcher('manifest.json')).toBe('{"format":1}');
    const body = await fetcher('shards/3.json.gz');
    expect(body).toBeInstanceOf(ReadableStream);
    expect([...new Uint8Array(await new Response(body as ReadableStream).arrayBuffer())]).toEqual([31, 139]);
  });
});

describe('createIndexService', () => {
  test('a missing or corrupt index is a typed index-unavailable failure, and the next call retries', async () => {
    let calls = 0;
    const files: Record<string, string> = {};
    const service = createIndexService(() => {
      calls++;
      return loadIndex(async (path) => {
        const body = files[path];
        if (body === undefined) throw new IndexError('missing', path, 'not shipped');
        return body;
      });
    });
    const first = await service.get().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ProtocolFailure);
    expect((first as InstanceType<typeof ProtocolFailure>).code).toBe('index-unavailable');
    expect(service.isLoaded()).toBe(false);

    files['manifest.json'] = '{"format": 1, "counts": {';
    const second = await service.get().catch((e: unknown) => e);
    expect((second as InstanceType<typeof ProtocolFailure>).code).toBe('index-unavailable');
    expect(calls).toBe(2); // a failure is not cached
  });
});

describe('isLoaded (the ping’s indexLoaded)', () => {
  test('false in a fresh worker life and after a failed read; true once the index answered', async () => {
    let fail = true;
    const service = createIndexService(async () =>
      openIndex(async (path) => {
        if (fail) throw new IndexError('missing', path, 'not shipped');
        return new TextEncoder().encode('{}').buffer as ArrayBuffer;
      }),
    );
    expect(service.isLoaded()).toBe(false);
    const failed = await service.use((i) => i.lookup('A/RES/77/176')).catch((e: unknown) => e);
    expect((failed as InstanceType<typeof ProtocolFailure>).code).toBe('index-unavailable');
    expect(service.isLoaded()).toBe(false);
    fail = false;
    await service.use(async () => 'answered');
    expect(service.isLoaded()).toBe(true);
  });
});
