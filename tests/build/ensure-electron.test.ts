/** `npm start` where Electron's binary cannot be downloaded: one clear line, no stack trace. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('scripts/ensure-electron.cjs', () => {
  it('says in one line what failed and what still works, or finds the installed binary', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'qrri-electron-cache-'));
    try {
      // A closed loopback port as the mirror: the download fails at once, even on a machine with network.
      const env = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache };
      const run = spawnSync(process.execPath, ['scripts/ensure-electron.cjs'], { encoding: 'utf8', env, timeout: 30_000 });
      if (existsSync('node_modules/electron/dist/version')) {
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^electron: /u);
        return;
      }
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Cannot start the app: Electron's binary is not installed and downloading it failed \(.+\)/u);
      expect(lines[0]).toContain('npm run preview:web');
      expect(run.stderr).not.toMatch(/^\s+at /mu);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
