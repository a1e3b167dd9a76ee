/**
 * `npm run preview:web` prints the simulator's lines like `npm run simulator` does, including
 * `simulator-app: <appId> <appKey>` for Settings › Enterprise App ID (README, "Try it in a browser").
 * The script is spawned for real (tsx, as the npm script runs it) and stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

it('prints simulator, simulator-ca, simulator-app and preview, in this order', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview-web.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no preview line in time; stdout: ${out} stderr: ${err}`)), 45_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/^preview: /mu.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
    });
    const lines = out.split('\n').filter((line) => /^(simulator|simulator-ca|simulator-app|preview): /u.test(line));
    expect(lines.map((line) => line.split(':')[0])).toEqual(['simulator', 'simulator-ca', 'simulator-app', 'preview']);
    expect(lines[2]).toMatch(/^simulator-app: qrri-sim-app \S{16,}$/u);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 60_000);
