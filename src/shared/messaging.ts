/**
 * Typed send/handle on top of {@link ./protocol}. Senders get the reply type from the message name;
 * receivers validate every payload before a handler sees it and always answer with a `Result`.
 *
 * The dispatch half (`dispatch`, `createHandler`) is pure and unit-tested; the send half goes through the
 * browser seam.
 */
import { browser, type Runtime } from './browser';
import {
  CHANNEL,
  type Envelope,
  err,
  ok,
  type ProtocolError,
  type Req,
  type Res,
  type Result,
  type TabMessage,
  type TabProtocol,
  tabValidators,
  type Validator,
  type WorkerMessage,
  type WorkerProtocol,
  workerValidators,
} from './protocol';

/** Handlers for the messages of protocol `P`; each gets the validated payload and the sender. */
export type Handlers<P, S = unknown> = {
  [K in keyof P]: (payload: Req<P, K>, sender: S) => Res<P, K> | Promise<Res<P, K>>;
};

/** Builds the envelope for one message. */
export function envelope<K extends string, P>(type: K, payload: P): Envelope<K, P> {
  return { channel: CHANNEL, type, payload };
}

/** True when `msg` is one of our envelopes (any type). */
export function isEnvelope(msg: unknown): msg is Envelope {
  return (
    typeof msg === 'object' &&
    msg !== null &&
    (msg as { channel?: unknown }).channel === CHANNEL &&
    typeof (msg as { type?: unknown }).type === 'string'
  );
}

/**
 * Validates and runs one incoming message. Returns `undefined` for messages that are not ours (so another
 * listener may answer them), otherwise a promise of a `Result` that never rejects.
 */
export function dispatch<P, S>(
  handlers: Partial<Handlers<P, S>>,
  validators: { [K in keyof P]: Validator<Req<P, K>> },
  msg: unknown,
  sender: S,
): Promise<Result<unknown>> | undefined {
  if (!isEnvelope(msg)) return undefined;
  const type = msg.type as keyof P;
  // Own-property checks: a type such as "constructor" or "__proto__" must not reach Object.prototype.
  if (!Object.hasOwn(validators, msg.type)) {
    return Promise.resolve(err('unknown-message', `unknown message type: ${msg.type}`));
  }
  const handler = Object.hasOwn(handlers, msg.type) ? handlers[type] : undefined;
  if (!handler) return Promise.resolve(err('unknown-message', `no handler for ${msg.type} here`));
  const validate = validators[type];
  if (!validate(msg.payload)) return Promise.resolve(err('bad-request', `invalid payload for ${msg.type}`));
  return (async () => {
    try {
      return ok(await handler(msg.payload as Req<P, typeof type>, sender));
    } catch (e) {
      const known = asProtocolFailure(e);
      if (known) return known;
      return err('internal', e instanceof Error ? e.message : String(e));
    }
  })();
}

/** An error a handler may throw to fail with a specific code instead of `internal`. */
export class ProtocolFailure extends Error {
  constructor(
    readonly code: Exclude<ProtocolError['code'], 'internal'>,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolFailure';
  }
}

function asProtocolFailure(e: unknown): Result<never> | undefined {
  return e instanceof ProtocolFailure ? err(e.code, e.message) : undefined;
}

/**
 * A `runtime.onMessage` listener for the worker. Returning the promise (not `true` + sendResponse) is the
 * polyfill's contract; returning `undefined` leaves foreign messages to other listeners.
 */
export function createWorkerListener(
  handlers: Handlers<WorkerProtocol, Runtime.MessageSender>,
): (msg: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined {
  return (msg, sender) =>
    dispatch<WorkerProtocol, Runtime.MessageSender>(handlers, workerValidators, msg, sender);
}

/** A `runtime.onMessage` listener for a content script (handles {@link TabProtocol}). */
export function createTabListener(
  handlers: Partial<Handlers<TabProtocol, Runtime.MessageSender>>,
): (msg: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined {
  return (msg, sender) => dispatch<TabProtocol, Runtime.MessageSender>(handlers, tabValidators, msg, sender);
}

/** Normalizes whatever came back over the wire into a `Result` (no listener → `no-receiver`). */
export function toResult<T>(reply: unknown, failure?: unknown): Result<T> {
  if (failure !== undefined) {
    return err('no-receiver', failure instanceof Error ? failure.message : String(failure));
  }
  if (typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean') {
    return reply as Result<T>;
  }
  return err('no-receiver', 'no reply');
}

/** Sends a message to the service worker; resolves to its `Result` (never rejects). */
export async function sendToWorker<K extends WorkerMessage>(
  type: K,
  payload: Req<WorkerProtocol, K>,
): Promise<Result<Res<WorkerProtocol, K>>> {
  try {
    return toResult(await browser.runtime.sendMessage(envelope(type, payload)));
  } catch (e) {
    return toResult(undefined, e);
  }
}

/** Sends a message to a tab's content script (top frame); resolves to its `Result` (never rejects). */
export async function sendToTab<K extends TabMessage>(
  tabId: number,
  type: K,
  payload: Req<TabProtocol, K>,
): Promise<Result<Res<TabProtocol, K>>> {
  try {
    return toResult(await browser.tabs.sendMessage(tabId, envelope(type, payload), { frameId: 0 }));
  } catch (e) {
    return toResult(undefined, e);
  }
}
