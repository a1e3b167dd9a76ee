/**
 * Finding the invited room among a meeting's participants (docs/api.md, realTimeInfo): by SIP
 * number first, normalised, because rooms' numbers usually come back whole; then by the room's
 * name, because people's numbers (and sometimes rooms') may come back masked.
 */

/** Digits only, without a leading `+` or `00`: `+99 1112-5302` and `0099111253 02` compare equal. */
export function normaliseSipNumber(number: string): string {
  return number.replace(/[^\d]/gu, '').replace(/^00/u, '');
}

function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/gu, ' ');
}

export interface Room {
  callNum: string;
  roomName: string;
}

export function findRoom<P extends { phone: string; name: string }>(participants: readonly P[], room: Room): P | undefined {
  const number = normaliseSipNumber(room.callNum);
  const byNumber = participants.find((p) => number !== '' && normaliseSipNumber(p.phone) === number);
  if (byNumber) return byNumber;
  const name = normaliseName(room.roomName);
  return name === '' ? undefined : participants.find((p) => normaliseName(p.name) === name);
}
