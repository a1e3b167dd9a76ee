/**
 * The window's decode client (renderer/src/decoder-client.ts) against a hand-written fake Worker:
 * replies find their call by id, pixels are transferred (not copied), a stuck or crashed worker
 * fails its calls instead of leaving them hanging and is replaced, and close() ends everything.
 * The fake's postMessage clones with a transfer list like a real one, so a buffer that could not
 * be transferred, or one the client still needed, would fail here as it would in the window.
 */
import type { TransferListItem } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecodedQrCode, RgbaImage } from '../../shared/decode/index';

// decoder-client.ts is DOM code, type-checked by tsconfig.web.json; it is loaded by path so this
// (Node) project does not compile it, and described here by what the test uses.
type DecodeFailure = 'timeout' | 'worker-error' | 'closed' | 'failed';
interface DecodeErrorLike extends Error {
  reason: DecodeFailure;
}
interface QrDecoder {
  decode(image: RgbaImage, options?: { timeoutMs?: number; budgetMs?: number }): Promise<DecodedQrCode[]>;
  close(): void;
}
interface ClientModule {
  createQrDecoder(options: { createWorker?: () => unknown; timeoutMs?: number }): QrDecoder;
  DecodeError: new (reason: DecodeFailure, message: string) => DecodeErrorLike;
  DEFAULT_DECODE_TIMEOUT_MS: number;
}
interface SentRequest {
  type: string;
  id: number;
  width: number;
  height: number;
  buffer: ArrayBuffer;
  budgetMs?: number;
}

const loadClient = (): Promise<ClientModule> => import(`../../renderer/src/${'decoder-client.ts'}`) as Promise<ClientModule>;

type Listener = (event: unknown) => void;

/** A Worker as far as the client uses one: listeners, postMessage with transfer, terminate. */
class FakeWorker {
  readonly sent: { message: SentRequest; transfer: TransferListItem[] }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  postMessage(message: SentRequest, transfer: TransferListItem[] = []): void {
    if (this.terminated) throw new Error('postMessage on a terminated worker');
    // What a real worker receives: a structured clone, with the listed buffers moved (detached here).
    this.sent.push({ message: structuredClone(message, { transfer }), transfer });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker answers (a `message` event). */
  reply(data: unknown): void {
    this.emit('message', { data });
  }

  /** An uncaught error in the worker (an `error` event); returns whether the client called preventDefault. */
  crash(message: string): boolean {
    let prevented = false;
    this.emit('error', {
      message,
      preventDefault: () => {
        prevented = true;
      },
    });
    return prevented;
  }

  emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  lastId(): number {
    const last = this.sent.at(-1);
    if (!last) throw new Error('nothing was sent');
    return last.message.id;
  }
}

/** A client whose workers are fakes; `workers` lists every worker it created, in order. */
async function clientWithFakes(options: { timeoutMs?: number } = {}) {
  const module = await loadClient();
  const workers: FakeWorker[] = [];
  const decoder = module.createQrDecoder({
    ...options,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { module, decoder, workers };
}

function image(width = 2, height = 2, fill = 7): RgbaImage {
  return { data: new Uint8ClampedArray(width * height * 4).fill(fill), width, height };
}

function code(text: string): DecodedQrCode {
  return {
    text,
    corners: [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ],
  };
}

/** The rejection of `promise`, which must be a DecodeError. */
async function failureOf(promise: Promise<unknown>, module: ClientModule): Promise<DecodeErrorLike> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(module.DecodeError);
  return error as DecodeErrorLike;
}

/** A call the test leaves unanswered: close() rejects it at the end, as expected, not as an unhandled rejection. */
function abandoned(call: Promise<unknown>): void {
  call.catch(() => undefined);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('decoder client: requests and replies', () => {
  it('starts no worker until the first decode, then reuses one worker', async () => {
    const { decoder, workers } = await clientWithFakes();
    expect(workers).toHaveLength(0);
    const first = decoder.decode(image());
    const second = decoder.decode(image());
    expect(workers).toHaveLength(1);
    const [worker] = workers as [FakeWorker];
    expect(worker.sent.map((s) => s.message.id)).toHaveLength(2);
    for (const { message } of worker.sent) worker.reply({ type: 'decoded', id: message.id, codes: [] });
    await expect(Promise.all([first, second])).resolves.toEqual([[], []]);
    decoder.close();
  });

  it('gives each call the reply carrying its id, whatever the order of the replies', async () => {
    const { decoder, workers } = await clientWithFakes();
    const first = decoder.decode(image());
    const second = decoder.decode(image());
    const worker = workers[0] as FakeWorker;
    const [idFirst, idSecond] = worker.sent.map((s) => s.message.id) as [number, number];
    expect(idFirst).not.toBe(idSecond);
    worker.reply({ type: 'decoded', id: idSecond, codes: [code('second')] });
    worker.reply({ type: 'decoded', id: idFirst, codes: [code('first')] });
    await expect(first).resolves.toEqual([code('first')]);
    await expect(second).resolves.toEqual([code('second')]);
    decoder.close();
  });

  it('ignores replies with an unknown id and messages that are not replies', async () => {
    const { decoder, workers } = await clientWithFakes();
    const call = decoder.decode(image());
    const worker = workers[0] as FakeWorker;
    const id = worker.lastId();
    worker.reply({ type: 'decoded', id: id + 1000, codes: [code('stranger')] });
    worker.reply({ type: 'progress', id, codes: [code('not a reply')] });
    worker.reply('hello');
    worker.reply({ type: 'decoded', id, codes: [code('mine')] });
    await expect(call).resolves.toEqual([code('mine')]);
    decoder.close();
  });

  it('rejects with reason "failed" and the worker\'s message when the worker reports a failure', async () => {
    const { module, decoder, workers } = await clientWithFakes();
    const call = decoder.decode(image());
    const worker = workers[0] as FakeWorker;
    worker.reply({ type: 'failed', id: worker.lastId(), message: 'image too large' });
    const error = await failureOf(call, module);
    expect(error.reason).toBe('failed');
    expect(error.message).toBe('image too large');
    // A failed decode is the image's fault, not the worker's: it stays.
    expect(worker.terminated).toBe(false);
    decoder.close();
  });

  it('sends the size and the budget (only when one is given) with the pixels', async () => {
    const { decoder, workers } = await clientWithFakes();
    abandoned(decoder.decode(image(3, 2), { budgetMs: 35 }));
    abandoned(decoder.decode(image(3, 2)));
    const [withBudget, without] = (workers[0] as FakeWorker).sent.map((s) => s.message) as [SentRequest, SentRequest];
    expect(withBudget).toMatchObject({ type: 'decode', width: 3, height: 2, budgetMs: 35 });
    expect(without).toMatchObject({ type: 'decode', width: 3, height: 2 });
    expect(without).not.toHaveProperty('budgetMs');
    decoder.close();
  });
});

describe('decoder client: transfer of the pixels', () => {
  it("transfers the image's own buffer when it is exactly the pixels (the caller's copy is emptied)", async () => {
    const { decoder, workers } = await clientWithFakes();
    const picture = image(2, 2, 9);
    const original = picture.data.buffer;
    abandoned(decoder.decode(picture));
    const { message, transfer } = (workers[0] as FakeWorker).sent[0] as { message: SentRequest; transfer: TransferListItem[] };
    expect(transfer).toHaveLength(1);
    expect(transfer[0]).toBe(original);
    // Moved, not copied: the sender's buffer is detached and the worker has every byte.
    expect(original.byteLength).toBe(0);
    expect([...new Uint8Array(message.buffer)]).toEqual(new Array<number>(16).fill(9));
    decoder.close();
  });

  it('copies just the pixels when the image is a view on a larger buffer, leaving that buffer alone', async () => {
    const { decoder, workers } = await clientWithFakes();
    const backing = new Uint8ClampedArray(8 + 16 + 8);
    backing.fill(1, 0, 8);
    backing.fill(5, 8, 24);
    backing.fill(2, 24);
    const picture: RgbaImage = { data: backing.subarray(8, 24), width: 2, height: 2 };
    abandoned(decoder.decode(picture));
    const { message, transfer } = (workers[0] as FakeWorker).sent[0] as { message: SentRequest; transfer: TransferListItem[] };
    expect(transfer[0]).not.toBe(backing.buffer);
    expect(backing.buffer.byteLength).toBe(32);
    expect(message.buffer.byteLength).toBe(16);
    expect([...new Uint8Array(message.buffer)]).toEqual(new Array<number>(16).fill(5));
    decoder.close();
  });
});

describe('decoder client: timeout', () => {
  it('rejects with "timeout" after timeoutMs, restarts the stuck worker and fails its other calls', async () => {
    vi.useFakeTimers();
    const { module, decoder, workers } = await clientWithFakes();
    const slow = decoder.decode(image(), { timeoutMs: 100 });
    const queued = decoder.decode(image(), { timeoutMs: 10_000 });
    const slowFailure = failureOf(slow, module);
    const queuedFailure = failureOf(queued, module);
    await vi.advanceTimersByTimeAsync(99);
    expect(workers[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await slowFailure).reason).toBe('timeout');
    // The other call sat behind the stuck one in the same worker: it fails now, not in 10 s.
    expect((await queuedFailure).reason).toBe('worker-error');
    expect(workers[0]?.terminated).toBe(true);

    const next = decoder.decode(image());
    expect(workers).toHaveLength(2);
    const fresh = workers[1] as FakeWorker;
    fresh.reply({ type: 'decoded', id: fresh.lastId(), codes: [code('after restart')] });
    await expect(next).resolves.toEqual([code('after restart')]);
    decoder.close();
  });

  it("uses the client's timeout, then the default, when the call gives none", async () => {
    vi.useFakeTimers();
    const { module, decoder } = await clientWithFakes({ timeoutMs: 500 });
    const failure = failureOf(decoder.decode(image()), module);
    await vi.advanceTimersByTimeAsync(500);
    expect((await failure).reason).toBe('timeout');
    decoder.close();

    const byDefault = await clientWithFakes();
    const defaultFailure = failureOf(byDefault.decoder.decode(image()), module);
    let settled = false;
    void defaultFailure.finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(module.DEFAULT_DECODE_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await defaultFailure).reason).toBe('timeout');
    byDefault.decoder.close();
  });

  it('a reply that arrives in time clears the timer: nothing fails later', async () => {
    vi.useFakeTimers();
    const { decoder, workers } = await clientWithFakes();
    const call = decoder.decode(image(), { timeoutMs: 100 });
    const worker = workers[0] as FakeWorker;
    worker.reply({ type: 'decoded', id: worker.lastId(), codes: [code('on time')] });
    await expect(call).resolves.toEqual([code('on time')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(worker.terminated).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    decoder.close();
  });
});

describe('decoder client: a crashed worker', () => {
  it('fails every call in flight with "worker-error" on an error event and starts a fresh worker next time', async () => {
    const { module, decoder, workers } = await clientWithFakes();
    const first = failureOf(decoder.decode(image()), module);
    const second = failureOf(decoder.decode(image()), module);
    const crashed = workers[0] as FakeWorker;
    const prevented = crashed.crash('out of memory');
    // preventDefault keeps the worker's error out of the window's console as an uncaught error.
    expect(prevented).toBe(true);
    for (const error of await Promise.all([first, second])) {
      expect(error.reason).toBe('worker-error');
      expect(error.message).toBe('out of memory');
    }
    expect(crashed.terminated).toBe(true);

    const next = decoder.decode(image());
    expect(workers).toHaveLength(2);
    const fresh = workers[1] as FakeWorker;
    fresh.reply({ type: 'decoded', id: fresh.lastId(), codes: [code('recovered')] });
    await expect(next).resolves.toEqual([code('recovered')]);
    decoder.close();
  });

  it('an error event without a message still says what failed', async () => {
    const { module, decoder, workers } = await clientWithFakes();
    const failure = failureOf(decoder.decode(image()), module);
    (workers[0] as FakeWorker).crash('');
    const error = await failure;
    expect(error.reason).toBe('worker-error');
    expect(error.message).toMatch(/decode worker/u);
    decoder.close();
  });

  it('treats a reply that cannot be deserialised (messageerror) as a crash', async () => {
    const { module, decoder, workers } = await clientWithFakes();
    const failure = failureOf(decoder.decode(image()), module);
    const worker = workers[0] as FakeWorker;
    worker.emit('messageerror', {});
    expect((await failure).reason).toBe('worker-error');
    expect(worker.terminated).toBe(true);
    decoder.close();
  });
});

describe('decoder client: close', () => {
  it('fails calls in flight with "closed", ends the worker, and refuses later calls without a new worker', async () => {
    const { module, decoder, workers } = await clientWithFakes();
    const inFlight = failureOf(decoder.decode(image()), module);
    const worker = workers[0] as FakeWorker;
    decoder.close();
    expect((await inFlight).reason).toBe('closed');
    expect(worker.terminated).toBe(true);

    const later = await failureOf(decoder.decode(image()), module);
    expect(later.reason).toBe('closed');
    expect(workers).toHaveLength(1);
    // A reply from the ended worker, had it been on its way, changes nothing.
    expect(() => worker.reply({ type: 'decoded', id: 1, codes: [] })).not.toThrow();
  });

  it('close() before any decode starts no worker', async () => {
    const { decoder, workers } = await clientWithFakes();
    decoder.close();
    expect(workers).toHaveLength(0);
  });
});
