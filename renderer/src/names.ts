/** How the window names things people recognise: rooms and terminals. */
import type { SettingsView } from '../../shared/ipc';
import type { Terminal } from '../../shared/schemas';

/** A terminal's name: the code's own, else the configured room's with that number, else the number. */
export function terminalName(terminal: Terminal, view: SettingsView): string {
  return terminal.name ?? view.settings.rooms.find((room) => room.callNum === terminal.callNum)?.name ?? terminal.callNum;
}
