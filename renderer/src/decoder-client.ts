/**
 * The window's handle on the decode worker (after nimiq/qr-scanner): requests carry ids, the
 * pixel buffer is transferred rather than copied, every call times out, a crashed worker fails
 * the calls in flight instead of leaving them hanging, and `close()` ends the worker.
 */
import type { DecodedQrCode, RgbaImage } from '../../shared/decode/index';
import { isDecodeResponse, type DecodeRequest } from './decode-protocol';

export type DecodeFailure = 'timeout' | 'worker-error' | 'closed' | 'failed';

export class DecodeError extends Error {
  constructor(
    readonly reason: DecodeFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface QrDecoder {
  /**
   * Every QR code in the image. The image's buffer may be transferred (emptied). `budgetMs`
   * bounds the decoder's own effort (camera frames); `timeoutMs` is when a stuck worker is given up.
   */
  decode(image: RgbaImage, options?: { timeoutMs?: number; budgetMs?: number }): Promise<DecodedQrCode[]>;
  close(): void;
}

interface Pending {
  resolve(codes: DecodedQrCode[]): void;
  reject(error: DecodeError): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Generous: a 4096-px picture takes about a second; a stuck worker must not block forever. */
export const DEFAULT_DECODE_TIMEOUT_MS = 20_000;

function spawnWorker(): Worker {
  // Written literally so Vite bundles the worker as its own file (worker-src 'self').
  return new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' });
}

/** An exactly-sized buffer to transfer: a view on part of a larger buffer is copied first. */
function ownBuffer(image: RgbaImage): ArrayBuffer {
  const bytes = image.width * image.height * 4;
  const { data } = image;
  if (data.byteOffset === 0 && data.buffer.byteLength === bytes && data.buffer instanceof ArrayBuffer) return data.buffer;
  return new Uint8Array(data.buffer, data.byteOffset, bytes).slice().buffer;
}

export function createQrDecoder(options: { createWorker?: () => Worker; timeoutMs?: number } = {}): QrDecoder {
  const createWorker = options.createWorker ?? spawnWorker;
  let worker: Worker | undefined;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  function failAll(error: DecodeError): void {
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      pending.delete(id);
      call.reject(error);
    }
  }

  /** Ends the current worker; the next call starts a fresh one. */
  function discardWorker(): void {
    worker?.terminate();
    worker = undefined;
  }

  function ensureWorker(): Worker {
    if (worker) return worker;
    const created = createWorker();
    created.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = event.data;
      if (!isDecodeResponse(reply)) return;
      const call = pending.get(reply.id);
      if (!call) return; // timed out already
      pending.delete(reply.id);
      clearTimeout(call.timer);
      if (reply.type === 'decoded') call.resolve(reply.codes);
      else call.reject(new DecodeError('failed', reply.message));
    });
    created.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      discardWorker();
      failAll(new DecodeError('worker-error', event.message || 'decode worker failed'));
    });
    created.addEventListener('messageerror', () => {
      discardWorker();
      failAll(new DecodeError('worker-error', 'decode worker message could not be read'));
    });
    worker = created;
    return created;
  }

  return {
    decode(image, { timeoutMs = options.timeoutMs ?? DEFAULT_DECODE_TIMEOUT_MS, budgetMs } = {}) {
      if (closed) return Promise.reject(new DecodeError('closed', 'decoder closed'));
      const target = ensureWorker();
      const id = nextId++;
      return new Promise<DecodedQrCode[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          // jsqr cannot be interrupted: end the busy worker so later calls are not queued behind it.
          discardWorker();
          failAll(new DecodeError('worker-error', 'decode worker restarted after a timeout'));
          reject(new DecodeError('timeout', `decoding took longer than ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        const buffer = ownBuffer(image);
        const request: DecodeRequest = {
          type: 'decode',
          id,
          width: image.width,
          height: image.height,
          buffer,
          ...(budgetMs === undefined ? {} : { budgetMs }),
        };
        target.postMessage(request, [buffer]);
      });
    },
    close() {
      closed = true;
      discardWorker();
      failAll(new DecodeError('closed', 'decoder closed'));
    },
  };
}
