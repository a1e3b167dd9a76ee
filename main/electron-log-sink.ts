/**
 * The app's log file through electron-log (rotating file in the user-data logs folder, and the
 * console in development). Everything reaches it through createLogger(), which redacts
 * passwords, `pwd` fields and `enter_code` parameters first.
 */
import type { IpcMain } from 'electron';
import type { LogFunctions } from 'electron-log';
import type { LogSink } from '../core/log';

/** A sink writing to an electron-log instance (`electron-log/main` in the app, `/node` in tests). */
export function electronLogSink(log: Pick<LogFunctions, 'debug' | 'info' | 'warn' | 'error'>): LogSink {
  return (level, message, data) => {
    if (data === undefined) log[level](message);
    else log[level](message, data);
  };
}

/** The channel `electron-log/main` listens on for renderer logs. */
export const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

/**
 * Importing `electron-log/main` registers `ipcMain.on` and `ipcMain.handle` for its renderer
 * channel, with or without `initialize()`: no sender check, no redaction, newlines forge log
 * lines. Unregistered at once, so every IPC call goes through the gate (security review,
 * finding 3).
 */
export function closeElectronLogIpc(ipcMain: Pick<IpcMain, 'removeAllListeners' | 'removeHandler'>): void {
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);
}
