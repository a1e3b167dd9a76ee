/**
 * What `close()` has to cut short: delays still running (a latency fault may be minutes long)
 * and open connections (a `hang` fault keeps one open forever). Routes wait and reset
 * connections through this object so that nothing outlives the simulator.
 */
import type { IncomingMessage } from 'node:http';
import type https from 'node:https';
import type { Socket } from 'node:net';

export class ServerLifecycle {
  private readonly timers = new Set<NodeJS.Timeout>();
  /** The raw TCP sockets, kept because only they can send an RST (TLS sockets cannot). */
  private readonly rawSockets = new Set<Socket>();
  private isClosed = false;

  /** True once `close()` began: a request that waited out a delay must not answer after it. */
  get closed(): boolean {
    return this.isClosed;
  }

  watch(server: https.Server): void {
    server.on('connection', (socket: Socket) => {
      this.rawSockets.add(socket);
      socket.once('close', () => this.rawSockets.delete(socket));
    });
  }

  /** Resolves after `ms`; never resolves when the simulator closes first (its answer is moot). */
  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (ms <= 0) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Sends an RST: the TLS socket's raw TCP socket is destroyed with a reset. */
  resetConnection(req: IncomingMessage): void {
    const tls = req.socket;
    const raw = [...this.rawSockets].find((s) => s.remotePort === tls.remotePort && s.remoteAddress === tls.remoteAddress);
    try {
      raw?.resetAndDestroy();
    } catch {
      // Not a TCP handle: a plain destroy still drops the connection.
    }
    tls.destroy();
  }

  /** Stops the server, dropping delays and connections (hung ones included); false if already closed. */
  async close(server: https.Server): Promise<boolean> {
    if (this.isClosed) return false;
    this.isClosed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    for (const socket of this.rawSockets) socket.destroy();
    await stopped;
    return true;
  }
}
