/**
 * A damaged settings file (broken JSON, or values the schema refuses) is kept beside the
 * original for support, and the app starts from defaults instead of failing or half-applying it.
 */
import { copyFileSync, existsSync, renameSync } from 'node:fs';

/** What happened, for the notification and the log. */
export interface SettingsReset {
  backupPath: string;
  reason: string;
}

function backupName(path: string, now: Date): string {
  return `${path}.damaged-${now.toISOString().replace(/[:.]/gu, '-')}.json`;
}

/** Copies the damaged file next to itself and returns the copy's path. */
export function backupDamagedFile(path: string, now = new Date()): string {
  const backup = backupName(path, now);
  copyFileSync(path, backup);
  return backup;
}

/**
 * Opens a JSON-file store; when the file is not valid JSON, moves it aside and opens a fresh
 * one — only when someone will tell the person (`onReset`); otherwise the error stands (the
 * CLI reports it and leaves the app's file alone). conf and electron-store throw a SyntaxError
 * from their constructor for broken JSON.
 */
export function openRecovering<T>(path: string, open: () => T, onReset?: (reset: SettingsReset) => void): T {
  try {
    return open();
  } catch (error) {
    if (!(error instanceof SyntaxError) || !existsSync(path) || !onReset) {
      throw new Error(`Settings file ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const backupPath = backupName(path, new Date());
    renameSync(path, backupPath);
    onReset({ backupPath, reason: `not valid JSON (${error.message})` });
    return open();
  }
}
