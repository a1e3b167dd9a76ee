/**
 * Messages between the window and the decode worker: a typed union, each request with an id
 * that its reply carries back, the pixels travelling as a transferred ArrayBuffer.
 */
import type { DecodedQrCode } from '../../shared/decode/index';

export interface DecodeRequest {
  type: 'decode';
  id: number;
  width: number;
  height: number;
  /** RGBA pixels, `width * height * 4` bytes; transferred, so the sender loses it. */
  buffer: ArrayBuffer;
  /** Camera frames: stop after about this many milliseconds (the next frame is a new chance). Still images: absent, no limit. */
  budgetMs?: number;
}

export type DecodeResponse = { type: 'decoded'; id: number; codes: DecodedQrCode[] } | { type: 'failed'; id: number; message: string };

export function isDecodeRequest(value: unknown): value is DecodeRequest {
  const v = value as Partial<DecodeRequest> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.type === 'decode' &&
    typeof v.id === 'number' &&
    typeof v.width === 'number' &&
    typeof v.height === 'number' &&
    v.buffer instanceof ArrayBuffer &&
    (v.budgetMs === undefined || (typeof v.budgetMs === 'number' && v.budgetMs > 0))
  );
}

export function isDecodeResponse(value: unknown): value is DecodeResponse {
  const v = value as Partial<DecodeResponse> | null;
  return typeof v === 'object' && v !== null && (v.type === 'decoded' || v.type === 'failed') && typeof v.id === 'number';
}
