/**
 * The state one running simulator shares between its routes: the world it answers from, the
 * faults to inject, the admin switch and the record. The API (`Simulator`) and the `/__sim/*`
 * control endpoints change the same object, so a test may use either.
 */
import type { ControlState } from './control-state';
import type { FaultInjector } from './faults';
import type { Fixture } from './fixture';
import type { RecordedInvite } from './invite-record';

export interface SimulatorState {
  readonly fixture: Fixture;
  readonly faults: FaultInjector;
  /** The global admin switch (on at start); off refuses every invitation with MMC.111076022. */
  adminSwitch: boolean;
  /** Every invite request received, in order, including refused ones. */
  readonly records: RecordedInvite[];
  /** Called once per recorded invite request, when its outcome is known. */
  readonly onInvite: ((record: RecordedInvite) => void) | undefined;
  /** Doors A and B: tokens, the terminals' calls, counters and switches. */
  readonly control: ControlState;
}
