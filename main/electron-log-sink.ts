/**
 * The app's log file through electron-log (rotating file in the user-data logs folder, and the
 * console in development). Everything reaches it through createLogger(), which redacts
 * passwords, `pwd` fields and `enter_code` parameters first.
 */
import type { LogFunctions } from 'electron-log';
import type { LogSink } from '../core/log';

/** A sink writing to an electron-log instance (`electron-log/main` in the app, `/node` in tests). */
export function electronLogSink(log: Pick<LogFunctions, 'debug' | 'info' | 'warn' | 'error'>): LogSink {
  return (level, message, data) => {
    if (data === undefined) log[level](message);
    else log[level](message, data);
  };
}
