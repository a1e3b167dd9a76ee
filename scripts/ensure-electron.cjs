// Electron's binary is no longer fetched at install time (and npm 11 skips install scripts):
// requiring the package from Node downloads it on first use. electron-vite only looks for the
// installed binary, so `npm start` and `npm run demo` call this first.
const executable = require('electron');
console.log(`electron: ${executable}`);
