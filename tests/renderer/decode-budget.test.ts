/**
 * Issue 11: camera frames carry a time budget from room mode's frame scanner through the worker
 * request to `decodeQrCodes`; still images (paste, drop, open, scan screen) carry none and get
 * the whole fallback chain. The browser globals the scanner and the worker touch are faked.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecodedQrCode, DecodeOptions, RgbaImage } from '../../shared/decode/index';

import { isDecodeRequest, type DecodeRequest, type DecodeResponse } from '../../renderer/src/decode-protocol';

// The other renderer worker modules are DOM code, type-checked by tsconfig.web.json; they are loaded
// by path so this (Node) project does not compile them, and described here by what the test uses.
interface QrDecoder {
  decode(image: RgbaImage, options?: { timeoutMs?: number; budgetMs?: number }): Promise<DecodedQrCode[]>;
  close(): void;
}
interface Client {
  createQrDecoder: (options: { createWorker: () => unknown }) => QrDecoder;
}
interface Scanner {
  FRAME_BUDGET_MS: number;
  createFrameScanner: (video: unknown, decoder: QrDecoder, onResult: () => void) => { start(): void; stop(): void };
}
const load = <T>(file: string): Promise<T> => import(`../../renderer/src/${file}`) as Promise<T>;

const decodeCalls: { image: RgbaImage; options: DecodeOptions | undefined }[] = [];
vi.mock('../../shared/decode/index', () => ({
  decodeQrCodes: (image: RgbaImage, options?: DecodeOptions) => {
    decodeCalls.push({ image, options });
    return [];
  },
}));

afterEach(() => {
  vi.unstubAllGlobals();
  decodeCalls.length = 0;
});

/** A worker that records what it is sent and answers every request with no codes. */
function fakeWorker(sent: DecodeRequest[]): unknown {
  const listeners: ((event: { data: unknown }) => void)[] = [];
  return {
    addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    postMessage: (request: DecodeRequest) => {
      sent.push(request);
      const reply: DecodeResponse = { type: 'decoded', id: request.id, codes: [] };
      queueMicrotask(() => listeners.forEach((l) => l({ data: reply })));
    },
    terminate: () => {},
  };
}

const image = (): RgbaImage => ({ data: new Uint8ClampedArray(4 * 4 * 4), width: 4, height: 4 });

describe('decode budget', () => {
  it('room mode asks for every frame to be decoded within FRAME_BUDGET_MS', async () => {
    const { createFrameScanner, FRAME_BUDGET_MS } = await load<Scanner>('room/frame-scanner.ts');
    let onFrame: (() => void) | undefined;
    const video = {
      videoWidth: 640,
      videoHeight: 480,
      readyState: 4,
      requestVideoFrameCallback: (callback: () => void) => {
        onFrame = callback;
        return 1;
      },
      cancelVideoFrameCallback: () => {},
    };
    const context = {
      canvas: { width: 1, height: 1 },
      imageSmoothingEnabled: true,
      drawImage: () => {},
      getImageData: (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
    };
    vi.stubGlobal('HTMLMediaElement', { HAVE_CURRENT_DATA: 2 });
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        getContext() {
          return context;
        }
      },
    );
    const options: ({ timeoutMs?: number; budgetMs?: number } | undefined)[] = [];
    const decoder: QrDecoder = {
      decode: (_image, o) => {
        options.push(o);
        return Promise.resolve([]);
      },
      close: () => {},
    };
    const scanner = createFrameScanner(video, decoder, () => {});
    scanner.start();
    onFrame?.();
    scanner.stop();
    expect(options).toHaveLength(1);
    expect(options[0]?.budgetMs).toBe(FRAME_BUDGET_MS);
    expect(FRAME_BUDGET_MS).toBeGreaterThanOrEqual(30);
    expect(FRAME_BUDGET_MS).toBeLessThanOrEqual(40);
  });

  it('the client puts a budget into the worker request only when one is given', async () => {
    const { createQrDecoder } = await load<Client>('decoder-client.ts');
    const sent: DecodeRequest[] = [];
    const client = createQrDecoder({ createWorker: () => fakeWorker(sent) });
    await client.decode(image(), { budgetMs: 35 });
    await client.decode(image());
    client.close();
    expect(sent[0]?.budgetMs).toBe(35);
    expect(sent[1]).not.toHaveProperty('budgetMs');
    expect(sent.every((request) => isDecodeRequest(request))).toBe(true);
  });

  it('a request with a budget that is not a positive number is not a decode request', () => {
    const request = { type: 'decode', id: 1, width: 4, height: 4, buffer: new ArrayBuffer(64) };
    expect(isDecodeRequest(request)).toBe(true);
    expect(isDecodeRequest({ ...request, budgetMs: 35 })).toBe(true);
    expect(isDecodeRequest({ ...request, budgetMs: '35' })).toBe(false);
    expect(isDecodeRequest({ ...request, budgetMs: 0 })).toBe(false);
  });

  it('the worker decodes with every step, bounded by the budget when the request has one', async () => {
    let onMessage: ((event: { data: unknown }) => void) | undefined;
    const replies: DecodeResponse[] = [];
    vi.stubGlobal('addEventListener', (type: string, listener: (event: { data: unknown }) => void) => {
      if (type === 'message') onMessage = listener;
    });
    vi.stubGlobal('postMessage', (reply: DecodeResponse) => replies.push(reply));
    await load<unknown>('decode-worker.ts');
    const request = { type: 'decode', id: 1, width: 4, height: 4, buffer: new ArrayBuffer(64) };
    onMessage?.({ data: { ...request, budgetMs: 35 } });
    onMessage?.({ data: { ...request, id: 2 } });
    expect(replies.map((r) => r.id)).toEqual([1, 2]);
    expect(decodeCalls.map((c) => c.options)).toEqual([{ tryHarder: true, budgetMs: 35 }, { tryHarder: true }]);
  });
});
