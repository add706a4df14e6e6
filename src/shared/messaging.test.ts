import { beforeEach, describe, expect, test, vi } from 'vitest';

// The browser seam is the only thing replaced (style.md convention 6): webextension-polyfill refuses to load
// outside an extension.
const sendMessage = vi.fn();
const tabsSendMessage = vi.fn();
vi.mock('./browser', () => ({
  browser: { runtime: { sendMessage }, tabs: { sendMessage: tabsSendMessage } },
}));

const { dispatch, envelope, isEnvelope, ProtocolFailure, sendToTab, sendToWorker, toResult } = await import(
  './messaging'
);
const { CHANNEL, tabValidators, workerValidators } = await import('./protocol');
type WorkerProtocol = import('./protocol').WorkerProtocol;
type Handlers = import('./messaging').Handlers<WorkerProtocol, { tab?: { id?: number } }>;

const handlers: Partial<Handlers> = {
  lookup: ({ key }) => {
    if (key === 'A/RES/0/0') throw new ProtocolFailure('not-found', 'no such resolution');
    if (key === 'boom') throw new TypeError('shard 3 is truncated');
    return { key, kind: 'resolution', body: 'GA', known: false, entry: undefined, links: [] };
  },
  search: async ({ query, limit }) => [{ key: query, score: limit ?? 0, match: 'key' as const }],
};

const run = (msg: unknown) => dispatch(handlers, workerValidators, msg, {});

describe('dispatch (receiving end)', () => {
  test('answers a valid request with ok(value)', async () => {
    await expect(run(envelope('lookup', { key: 'A/RES/73/195', lang: 'fr' }))).resolves.toEqual({
      ok: true,
      value: {
        key: 'A/RES/73/195',
        kind: 'resolution',
        body: 'GA',
        known: false,
        entry: undefined,
        links: [],
      },
    });
    await expect(run(envelope('search', { query: '73/195', limit: 3 }))).resolves.toMatchObject({
      ok: true,
      value: [{ key: '73/195', score: 3 }],
    });
  });

  test.each([
    ['a number as key', 'lookup', { key: 73195 }],
    ['an empty key', 'lookup', { key: '' }],
    ['a language that is not a UN language', 'lookup', { key: 'A/RES/73/195', lang: 'de' }],
    ['a key longer than any citation', 'lookup', { key: 'A'.repeat(1001) }],
    ['a missing payload', 'lookup', undefined],
    ['an array payload', 'lookup', ['A/RES/73/195']],
    ['a negative limit', 'search', { query: 'migration', limit: -1 }],
    ['a fractional limit', 'search', { query: 'migration', limit: 2.5 }],
    ['a huge limit', 'search', { query: 'migration', limit: 100000 }],
  ])('rejects %s as bad-request before any handler runs', async (_what, type, payload) => {
    await expect(run(envelope(type, payload))).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  test.each(['drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'type %s is an unknown message, never a prototype lookup',
    async (type) => {
      await expect(run(envelope(type, {}))).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-message' },
      });
    },
  );

  test('a known message without a handler here is unknown-message', async () => {
    await expect(run(envelope('trace', { key: 'A/RES/77/176' }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
  });

  test('foreign messages are left to other listeners (undefined)', () => {
    expect(run({ type: 'lookup', payload: { key: 'A/RES/73/195' } })).toBeUndefined();
    expect(run({ channel: 'someone-else', type: 'lookup', payload: {} })).toBeUndefined();
    expect(run('lookup')).toBeUndefined();
    expect(run(null)).toBeUndefined();
  });

  test('a ProtocolFailure keeps its code; any other throw is internal', async () => {
    await expect(run(envelope('lookup', { key: 'A/RES/0/0' }))).resolves.toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no such resolution' },
    });
    await expect(run(envelope('lookup', { key: 'boom' }))).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'shard 3 is truncated' },
    });
  });
});

describe('validators', () => {
  test('openTrace needs a key or a query', () => {
    expect(workerValidators.openTrace({})).toBe(false);
    expect(workerValidators.openTrace({ key: 'S/RES/2334(2016)' })).toBe(true);
    expect(workerValidators.openTrace({ query: 'migrant remittances' })).toBe(true);
  });

  test('tab messages', () => {
    expect(tabValidators.highlightMention({ index: 3 })).toBe(true);
    expect(tabValidators.highlightMention({ index: -1 })).toBe(false);
    expect(tabValidators.highlightMention({ index: '3' })).toBe(false);
    expect(tabValidators.pageCitations({})).toBe(true);
    expect(tabValidators.traceOpened({ key: 'A/RES/77/176' })).toBe(true);
  });
});

describe('sending end', () => {
  beforeEach(() => {
    sendMessage.mockReset();
    tabsSendMessage.mockReset();
  });

  test('sendToWorker wraps the payload in our envelope and returns the Result as is', async () => {
    sendMessage.mockResolvedValue({ ok: true, value: [] });
    await expect(sendToWorker('search', { query: 'remittances' })).resolves.toEqual({ ok: true, value: [] });
    expect(sendMessage).toHaveBeenCalledWith({
      channel: CHANNEL,
      type: 'search',
      payload: { query: 'remittances' },
    });
  });

  test('no listener or a dead worker becomes no-receiver, never a rejection', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendToWorker('ping', {})).resolves.toEqual({
      ok: false,
      error: {
        code: 'no-receiver',
        message: 'Could not establish connection. Receiving end does not exist.',
      },
    });
    sendMessage.mockResolvedValue(undefined);
    await expect(sendToWorker('ping', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'no-receiver' },
    });
  });

  test('sendToTab targets the top frame', async () => {
    tabsSendMessage.mockResolvedValue({ ok: true, value: { found: true } });
    await expect(sendToTab(7, 'highlightMention', { index: 2 })).resolves.toEqual({
      ok: true,
      value: { found: true },
    });
    expect(tabsSendMessage).toHaveBeenCalledWith(
      7,
      { channel: CHANNEL, type: 'highlightMention', payload: { index: 2 } },
      { frameId: 0 },
    );
  });

  test('toResult and isEnvelope', () => {
    expect(toResult({ ok: false, error: { code: 'not-found', message: 'x' } })).toMatchObject({ ok: false });
    expect(toResult('weird')).toMatchObject({ ok: false, error: { code: 'no-receiver' } });
    expect(isEnvelope(envelope('ping', {}))).toBe(true);
    expect(isEnvelope({ channel: CHANNEL })).toBe(false);
  });
});
