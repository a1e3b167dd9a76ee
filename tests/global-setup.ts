/**
 * Builds the CLI and package exports once before the suite, so the end-to-end tests spawn
 * the same dist/ files that `npm run build` produces and `bin` points at.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
}
