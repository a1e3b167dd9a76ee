/**
 * The decode worker: runs the shared QR pipeline (`decodeQrCodes`, jsqr) off the UI thread, so
 * a large picture never freezes the window. One request at a time, answered by id.
 */
import { decodeQrCodes } from '../../shared/decode/index';
import { isDecodeRequest, type DecodeResponse } from './decode-protocol';

/** The part of DedicatedWorkerGlobalScope used here (the renderer's lib is DOM, not WebWorker). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: DecodeResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (!isDecodeRequest(request)) return;
  let reply: DecodeResponse;
  try {
    // Every step of the fallback chain (tryHarder); a camera frame's budget bounds them.
    const options = request.budgetMs === undefined ? { tryHarder: true } : { tryHarder: true, budgetMs: request.budgetMs };
    const codes = decodeQrCodes({ data: new Uint8ClampedArray(request.buffer), width: request.width, height: request.height }, options);
    reply = { type: 'decoded', id: request.id, codes };
  } catch (error) {
    reply = { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
});
