/**
 * `qr-room-invite status --meeting <id> [--to <SIP>]`: is the room in the meeting? and
 * `qr-room-invite hangup --meeting <id> [--to <SIP>]`: hang it up (participants/delete). The
 * room is --to or the room selected in the app; the credentials are those of call-status-options.
 */
import { parseArgs } from 'node:util';
import { ClientCode, lookupError } from '../shared/errors';
import { groupMeetingId } from '../shared/i18n/call-status-text';
import { MeetingIdSchema, SipNumberSchema, describeIssues } from '../shared/schemas';
import { selectedRoom } from '../shared/settings';
import { CALL_COMMAND_OPTIONS, callStatusService, checkCallOptions, readStatusCredentials, reportStatus } from './call-status-options';
import { resolveConnection, verboseLogger } from './connection';
import { Exit, UsageError, type CliIo, type ExitCode } from './io';

async function prepare(args: string[], io: CliIo) {
  const { values, positionals } = parseArgs({ args, options: CALL_COMMAND_OPTIONS, allowPositionals: true });
  checkCallOptions(values);
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!values.meeting) throw new UsageError('--meeting <id> is required');
  const meeting = MeetingIdSchema.safeParse(values.meeting);
  if (!meeting.success) throw new UsageError(`--meeting: ${describeIssues(meeting.error)}`);
  const connection = resolveConnection(values, io);
  let callNum: string;
  let roomName: string;
  if (values.to) {
    const to = SipNumberSchema.safeParse(values.to);
    if (!to.success) throw new UsageError(`--to: ${describeIssues(to.error)}`);
    callNum = to.data;
    roomName = connection.settings.rooms.find((r) => r.callNum === callNum)?.name ?? callNum;
  } else {
    const room = selectedRoom(connection.settings);
    if (!room) throw new UsageError('missing room: give --to <SIP number>, or select a room in the app');
    callNum = room.callNum;
    roomName = room.name;
  }
  const { hostPassword, app } = await readStatusCredentials(values, io);
  const service = callStatusService(connection, app, verboseLogger(values.verbose, io));
  return {
    target: { meetingId: meeting.data, callNum, roomName },
    hostPassword,
    service,
    json: values.json === true,
    language: connection.language,
  };
}

export async function statusCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { target, hostPassword, service, json, language } = await prepare(args, io);
  const status = await service.check(target, hostPassword);
  return reportStatus(status, { json, language, fields: { meetingId: target.meetingId, callNum: target.callNum } }, io);
}

export async function hangupCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { target, hostPassword, service, json, language } = await prepare(args, io);
  const result = await service.hangUp(target, hostPassword);
  if (result.ok) {
    if (json) io.out(JSON.stringify({ ok: true, hungUp: true, meetingId: target.meetingId, callNum: target.callNum }));
    else
      io.out(
        language === 'zh-CN'
          ? `已挂断：${target.roomName} 已离开会议 ${groupMeetingId(target.meetingId)}。`
          : `Hung up: ${target.roomName} left meeting ${groupMeetingId(target.meetingId)}.`,
      );
    return Exit.ok;
  }
  const { error } = result;
  const entry = lookupError(error.code);
  const exit: ExitCode =
    error.code === ClientCode.notInMeeting
      ? Exit.notJoined
      : error.code === ClientCode.noStatusSource
        ? Exit.noStatusSource
        : error.status !== undefined
          ? Exit.refused
          : Exit.network;
  if (json) {
    io.out(
      JSON.stringify({
        ok: false,
        hungUp: false,
        code: error.code,
        message: error.serverMessage ?? entry.title.en,
        requestId: error.requestId ?? null,
      }),
    );
  } else {
    io.err(`Error: ${entry.title[language]}${error.serverMessage ? ` (${error.serverMessage})` : ''}`);
    io.err(`What to do: ${entry.action[language]}`);
    io.err(
      `Details: code ${error.code}${error.status === undefined ? '' : `, HTTP ${error.status}`}${error.requestId ? `, request ID ${error.requestId}` : ''}`,
    );
  }
  return exit;
}
