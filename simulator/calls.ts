/**
 * What happens after an accepted invitation: the simulated terminals ring, answer, are busy or
 * leave, and each meeting keeps its online participants (docs/api.md, door A's realTimeInfo
 * and push messages). Free of HTTP: the routes read it, listeners (the push socket) are told of
 * every change. Delays are options so tests run in milliseconds.
 */
import { randomUUID } from 'node:crypto';
import { FIXTURE_TERMINAL } from './fixture';

/** Answers after `answerMs`, like every number not listed below. */
export const TERMINAL_ANSWERS = FIXTURE_TERMINAL;
/** Rings for `busyMs`, then the call fails with {@link BUSY_RESULT_CODE}; never joins. */
export const TERMINAL_BUSY = '+99111253020382687';
/** Rings until the meeting ends or someone hangs it up; never answers. */
export const TERMINAL_NO_ANSWER = '+99111253020382688';
/** Answers after `answerMs`, leaves `stayMs` later (result {@link LEFT_RESULT_CODE}). */
export const TERMINAL_LEAVES = '+99111253020382689';

/**
 * The simulator's InviteResultNotify code for a busy terminal. **Unverified**: Huawei's page does
 * not list a busy code; docs/api.md marks this value as the simulator's own.
 */
export const BUSY_RESULT_CODE = 11076001;
/** "The participant left" (docs/api.md, unverified team notes). */
export const LEFT_RESULT_CODE = 11076010;
/** "The host hung up" (docs/api.md, unverified team notes). */
export const HUNG_UP_RESULT_CODE = 11076002;

export interface CallTimings {
  /** Ring time before a terminal answers (about 2 s, like a real room). */
  answerMs: number;
  /** Ring time before a busy terminal's call fails. */
  busyMs: number;
  /** Time the leaving terminal stays in the meeting. */
  stayMs: number;
}

export const DEFAULT_CALL_TIMINGS: CallTimings = { answerMs: 2000, busyMs: 1000, stayMs: 10_000 };

/** `state` as realTimeInfo gives it: 0 in the meeting, 1 being called, 2 joining. */
export type ParticipantState = 0 | 1 | 2;

export interface Participant {
  participantID: string;
  name: string;
  phone: string;
  state: ParticipantState;
}

export interface HangUpRecord {
  conferenceID: string;
  participantID: string;
  phone: string;
  at: string;
}

/** A change, as the push socket reports it. */
export type CallEvent =
  | { kind: 'participant'; conferenceID: string; participant: Participant; left: boolean }
  | { kind: 'invite-result'; conferenceID: string; callNumber: string; resultCode: number }
  | { kind: 'meeting-ended'; conferenceID: string };

export class CallWorld {
  private readonly meetings = new Map<string, Map<string, Participant>>();
  private readonly ended = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly listeners = new Set<(event: CallEvent) => void>();
  readonly hangUps: HangUpRecord[] = [];
  timings: CallTimings;

  constructor(timings: Partial<CallTimings> = {}) {
    this.timings = { ...DEFAULT_CALL_TIMINGS, ...timings };
  }

  subscribe(listener: (event: CallEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isEnded(conferenceID: string): boolean {
    return this.ended.has(conferenceID);
  }

  participants(conferenceID: string): Participant[] {
    return [...(this.meetings.get(conferenceID)?.values() ?? [])].map((p) => ({ ...p }));
  }

  /** Starts calling `phone` into the meeting (an accepted inviteWithPwd or "call again"). */
  call(conferenceID: string, phone: string, name = phone): void {
    if (this.ended.has(conferenceID)) return;
    const existing = this.find(conferenceID, phone);
    if (existing && existing.state === 0) return;
    const participant: Participant = existing ?? { participantID: randomUUID(), name, phone, state: 1 };
    participant.state = 1;
    this.put(conferenceID, participant);
    if (phone === TERMINAL_NO_ANSWER) return;
    if (phone === TERMINAL_BUSY) {
      this.after(this.timings.busyMs, () => {
        if (this.find(conferenceID, phone) !== participant) return;
        this.remove(conferenceID, participant, BUSY_RESULT_CODE);
      });
      return;
    }
    this.after(this.timings.answerMs / 2, () => {
      if (this.find(conferenceID, phone) !== participant || participant.state !== 1) return;
      participant.state = 2;
      this.emitParticipant(conferenceID, participant, false);
    });
    this.after(this.timings.answerMs, () => {
      if (this.find(conferenceID, phone) !== participant) return;
      participant.state = 0;
      this.emitParticipant(conferenceID, participant, false);
      this.emit({ kind: 'invite-result', conferenceID, callNumber: phone, resultCode: 0 });
      if (phone === TERMINAL_LEAVES) {
        this.after(this.timings.stayMs, () => {
          if (this.find(conferenceID, phone) === participant) this.remove(conferenceID, participant, LEFT_RESULT_CODE);
        });
      }
    });
  }

  /** Hangs participants up (participants/delete); unknown IDs are ignored, as the service does. */
  hangUp(conferenceID: string, participantIDs: readonly string[]): number {
    let count = 0;
    for (const id of participantIDs) {
      const participant = this.meetings.get(conferenceID)?.get(id);
      if (!participant) continue;
      this.hangUps.push({ conferenceID, participantID: id, phone: participant.phone, at: new Date().toISOString() });
      this.remove(conferenceID, participant, HUNG_UP_RESULT_CODE);
      count++;
    }
    return count;
  }

  /** Makes a terminal leave on its own (a control endpoint); false when it is not online. */
  leave(conferenceID: string, phone: string): boolean {
    const participant = this.find(conferenceID, phone);
    if (!participant) return false;
    this.remove(conferenceID, participant, LEFT_RESULT_CODE);
    return true;
  }

  /** Ends the meeting: everyone leaves, sockets are told and closed. */
  endMeeting(conferenceID: string): void {
    this.ended.add(conferenceID);
    this.meetings.delete(conferenceID);
    this.emit({ kind: 'meeting-ended', conferenceID });
  }

  /** Forgets everything (tests call it between cases); timers stop. */
  reset(): void {
    this.stopTimers();
    this.meetings.clear();
    this.ended.clear();
    this.hangUps.length = 0;
  }

  stopTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private find(conferenceID: string, phone: string): Participant | undefined {
    for (const p of this.meetings.get(conferenceID)?.values() ?? []) if (p.phone === phone) return p;
    return undefined;
  }

  private put(conferenceID: string, participant: Participant): void {
    let online = this.meetings.get(conferenceID);
    if (!online) {
      online = new Map();
      this.meetings.set(conferenceID, online);
    }
    online.set(participant.participantID, participant);
    this.emitParticipant(conferenceID, participant, false);
  }

  /** The result (why) is pushed before the participant's removal, so a listener knows the reason when it goes. */
  private remove(conferenceID: string, participant: Participant, resultCode: number): void {
    this.meetings.get(conferenceID)?.delete(participant.participantID);
    this.emit({ kind: 'invite-result', conferenceID, callNumber: participant.phone, resultCode });
    this.emitParticipant(conferenceID, participant, true);
  }

  private emitParticipant(conferenceID: string, participant: Participant, left: boolean): void {
    this.emit({ kind: 'participant', conferenceID, participant: { ...participant }, left });
  }

  private emit(event: CallEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}
