// Electron's binary is not fetched at install time (and npm 11 skips install scripts): it is
// downloaded on first use. electron-vite only looks for an installed binary, so `npm start` and
// `npm run demo` call this first. Where the download cannot happen (no network to GitHub), say
// so in one line, and what still works, instead of electron's own stack trace.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const electronDir = path.dirname(require.resolve('electron/package.json'));
const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8' });
if (install.status !== 0) {
  const output = `${install.stderr ?? ''}\n${install.stdout ?? ''}`;
  const cause = /^\w*Error: .+$/mu.exec(output)?.[0] ?? (install.error ? String(install.error) : `exit code ${install.status}`);
  console.error(
    `Cannot start the app: Electron's binary is not installed and downloading it failed (${cause}) — probably no network access to GitHub. ` +
      'What works without it: `npm run preview:web` (the window in a browser, over the real core and the simulator), the CLI (`npm run build:cli`, then `node dist/cli/qr-room-invite.js --help`) and `npm test`.',
  );
  process.exit(1);
}
console.log(`electron: ${require('electron')}`);
