import type { GlobalShortcut } from 'electron';

export interface ShortcutState {
  accelerator: string;
  registered: boolean;
}

/**
 * (Re-)registers the "Scan screen" shortcut. `register` returns false when another application
 * holds the combination; that is reported (settings view, notification), never ignored.
 */
export function registerScanShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  previous: ShortcutState | undefined,
  accelerator: string,
  onPress: () => void,
): ShortcutState {
  if (previous?.registered) globalShortcut.unregister(previous.accelerator);
  try {
    return { accelerator, registered: globalShortcut.register(accelerator, onPress) };
  } catch {
    // An accelerator Electron cannot parse counts as unavailable.
    return { accelerator, registered: false };
  }
}
