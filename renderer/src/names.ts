/** How the window names things people recognise: rooms and terminals. */
import type { SettingsView } from '../../shared/ipc';
import { formatSipNumber } from '../../shared/payload/index';
import type { Terminal } from '../../shared/schemas';
import { configuredRoom, type Room } from '../../shared/settings';

/** The configured room with the terminal's number: only then is it "one of your rooms". */
export function roomOf(terminal: Terminal, view: SettingsView): Room | undefined {
  return configuredRoom(view.settings, terminal.callNum);
}

/**
 * A terminal's name: the configured room's name for its number, else its number, grouped for
 * reading. A name carried by a code is never shown: anyone can call a stranger's terminal
 * "Room A" (security review, finding 1).
 */
export function terminalName(terminal: Terminal, view: SettingsView): string {
  return roomOf(terminal, view)?.name ?? formatSipNumber(terminal.callNum);
}
