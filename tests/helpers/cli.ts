/**
 * The built CLI (`npm run build:cli`) spawned as a person would run it: a clean environment (no
 * inherited QRRI_* variables), its own config directory, English, stdin given or empty.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '../../dist/cli/qr-room-invite.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunner {
  (args: string[], options?: { env?: Record<string, string>; stdin?: string }): Promise<CliRun>;
  /** Everything every run printed, to check that no secret ever appears. */
  outputs: string[];
}

/** A runner whose config lives in `dir`; `extraArgs` follow every command (a simulator's `--base-url`, say). */
export function cliRunner(dir: string, settings: { extraArgs?: () => string[]; timeoutMs?: number } = {}): CliRunner {
  const outputs: string[] = [];
  const run = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> =>
    new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [CLI, ...args, ...(settings.extraArgs?.() ?? [])],
        {
          env: { PATH: process.env.PATH ?? '', QRRI_CONFIG_DIR: join(dir, 'config'), LANG: 'en_US.UTF-8', ...options.env },
          timeout: settings.timeoutMs ?? 20_000,
        },
        (error, stdout, stderr) => {
          outputs.push(stdout, stderr);
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
        },
      );
      child.stdin?.end(options.stdin ?? '');
    });
  return Object.assign(run, { outputs });
}
