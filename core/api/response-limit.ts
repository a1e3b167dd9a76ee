/**
 * A cap on the size of an answer from a Huawei API (or anything pretending to be one). These
 * APIs answer in bytes; an endless body would otherwise be buffered until the timeout (a review
 * drove the CLI to 5.3 GB: security review, finding 4). Every got call in core/api reads its
 * answer through `withResponseLimit`, so the cap is one piece for all the clients.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';

/** The largest answer read: far above any real answer of these APIs. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** The answer was (or declared itself) larger than the cap; reading stopped there. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(
    readonly limit: number,
    /** The answer's HTTP status, when its head had arrived. */
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(`response larger than ${limit} bytes${status === undefined ? '' : ` (HTTP ${status})`}`, options);
  }
}

/** What this module needs of a got request promise: its progress and request events. */
export interface LimitedRequest<T> extends PromiseLike<T> {
  on(event: 'downloadProgress', listener: (progress: { transferred: number; total?: number | undefined }) => void): unknown;
  on(event: 'request', listener: (request: ClientRequest) => void): unknown;
}

/**
 * Starts a got request with a signal of its own and aborts it as soon as its body passes
 * `limit` bytes or its Content-Length announces more; the caller's `signal` still aborts it.
 * Rejects with ResponseTooLargeError then, otherwise settles as the request does.
 */
export async function withResponseLimit<T>(
  start: (signal: AbortSignal) => LimitedRequest<T>,
  { limit = MAX_RESPONSE_BYTES, signal }: { limit?: number; signal?: AbortSignal | undefined } = {},
): Promise<T> {
  const controller = new AbortController();
  const followCaller = () => controller.abort(signal?.reason);
  if (signal?.aborted) followCaller();
  else signal?.addEventListener('abort', followCaller, { once: true });
  let status: number | undefined;
  let exceeded = false;
  try {
    const request = start(controller.signal);
    request.on('request', (clientRequest) => clientRequest.once('response', (response: IncomingMessage) => (status = response.statusCode)));
    request.on('downloadProgress', ({ transferred, total }) => {
      if (exceeded || (transferred <= limit && (total === undefined || total <= limit))) return;
      exceeded = true;
      controller.abort(new ResponseTooLargeError(limit, status));
    });
    return await request;
  } catch (cause) {
    if (exceeded) throw new ResponseTooLargeError(limit, status, { cause });
    throw cause;
  } finally {
    signal?.removeEventListener('abort', followCaller);
  }
}
