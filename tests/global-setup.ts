/**
 * Builds the CLI and package exports (dist/) and the app (out/) once before the suite, so the
 * end-to-end tests spawn and inspect the same files that `npm run build` produces.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
}
