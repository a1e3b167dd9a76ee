import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';

/** Starts a simulator for the file's tests (fresh record and faults after each test). */
export function useSimulator(): () => Simulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterEach(() => {
    sim?.clearInvites();
    sim?.clearFaults();
    sim?.setAdminSwitch(true);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('simulator not started');
    return sim;
  };
}

/** A loopback port with nothing listening (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
