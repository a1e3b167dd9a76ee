import { redact, redactText } from '../shared/redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where log lines go: the console for the CLI, a file logger in the app, an array in tests. */
export type LogSink = (level: LogLevel, message: string, data?: unknown) => void;

export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
  /** A logger that also masks these values (the passwords of the invite in progress). */
  withSecrets(secrets: readonly string[]): Logger;
}

/** Wraps a sink so that nothing reaches it unredacted. */
export function createLogger(sink: LogSink, secrets: readonly string[] = []): Logger {
  const write = (level: LogLevel) => (message: string, data?: unknown) => {
    sink(level, redactText(message, secrets), data === undefined ? undefined : redact(data, secrets));
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    withSecrets: (more) => createLogger(sink, [...secrets, ...more]),
  };
}

export const silentLogger: Logger = createLogger(() => undefined);
