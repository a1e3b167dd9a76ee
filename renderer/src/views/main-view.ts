/**
 * The main view: the paste/drop target, what was read, the invite form and the outcome, top
 * to bottom in the order people use them.
 */
import { createIntakePanel } from '../components/intake-panel';
import { createInviteSection } from '../components/invite-form';
import { createOutcomePanel } from '../components/outcome-panel';
import { createReadingSection } from '../components/reading-section';
import { createRoomHint } from '../components/room-hint';
import type { ViewContext } from '../context';
import { h } from '../dom';

export function createMainView(context: ViewContext): HTMLElement {
  return h('div', { class: 'view main-view' }, [
    createIntakePanel(context),
    createRoomHint(context),
    createReadingSection(context),
    createInviteSection(context),
    createOutcomePanel(context),
  ]);
}
