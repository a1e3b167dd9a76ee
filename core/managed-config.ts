/**
 * The managed configuration of a fleet of room PCs: a read-only JSON file named by
 * `--config <file>` or `QRRI_MANAGED_CONFIG`, validated whole with the shared schema. An invalid
 * file is reported (which field, why) and ignored entirely — never half-applied.
 */
import { readFileSync } from 'node:fs';
import { describeIssues } from '../shared/schemas';
import { ManagedConfigSchema, type ManageableKey, type ManagedConfig } from '../shared/settings';

export interface ManagedState {
  /** The file, when one was named. */
  path?: string;
  /** The valid configuration in effect. */
  config?: ManagedConfig;
  /** Why the named file is not in effect. */
  error?: string;
}

/** The file named on the command line (`--config <file>` or `--config=<file>`) or in the environment. */
export function managedConfigPath(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--config') return argv[i + 1];
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
  }
  return env.QRRI_MANAGED_CONFIG || undefined;
}

export function loadManagedConfig(path: string | undefined, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): ManagedState {
  if (!path) return {};
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    return { path, error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { path, error: `${path} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = ManagedConfigSchema.safeParse(json);
  if (!parsed.success) return { path, error: `${path}: ${describeIssues(parsed.error)}` };
  const { settings } = parsed.data;
  if (settings.selectedRoomId && settings.rooms && !settings.rooms.some((r) => r.id === settings.selectedRoomId)) {
    return { path, error: `${path}: settings.selectedRoomId: no room with id "${settings.selectedRoomId}" in settings.rooms` };
  }
  return { path, config: parsed.data };
}

/** Settings the person cannot change: every managed value, and those locked at their value. */
export function lockedKeys(state: ManagedState): ManageableKey[] {
  if (!state.config) return [];
  const keys = new Set<ManageableKey>([...(Object.keys(state.config.settings) as ManageableKey[]), ...state.config.locked]);
  return [...keys].sort();
}
