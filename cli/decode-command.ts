import { parseArgs } from 'node:util';
import { decodeQrCodesLazily } from '../shared/decode/lazy';
import { parsePayload, type ParsedPayload } from '../shared/payload/index';
import { printableText } from '../shared/printable';
import { REDACTED, redactText } from '../shared/redact';
import { Exit, UsageError, type CliIo, type ExitCode } from './io';
import { ImageLoadError, loadImageFile } from './load-image';

interface CodeReport {
  text: string;
  kind: ParsedPayload['kind'];
  meeting?: Record<string, unknown>;
  terminal?: Record<string, unknown>;
  reason?: string;
}

interface FileReport {
  file: string;
  codes: CodeReport[];
  ms: number;
  error?: string;
}

/**
 * One decoded code as reported; the password is masked unless asked for. Every text printed —
 * refused codes too — has its control and format characters replaced and its password
 * parameters masked (security review, finding 5).
 */
function reportCode(text: string, showPassword: boolean): CodeReport {
  const parsed = parsePayload(text);
  if (parsed.kind === 'unknown')
    return { text: printableText(redactText(text)), kind: parsed.kind, reason: printableText(parsed.reason.en) };
  const meeting = parsed.kind === 'terminal' ? undefined : parsed.meeting;
  const password = meeting?.password;
  const secrets = password && !showPassword ? [password] : [];
  return {
    text: printableText(redactText(text, secrets)),
    kind: parsed.kind,
    ...(meeting ? { meeting: { ...meeting, ...(password && !showPassword ? { password: REDACTED } : {}) } } : {}),
    ...(parsed.kind === 'meeting' ? {} : { terminal: parsed.terminal }),
  };
}

export async function decodeCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'show-password': { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new UsageError('decode needs at least one image file');
  const reports: FileReport[] = [];
  let exit: ExitCode = Exit.ok;
  for (const file of positionals) {
    const started = performance.now();
    try {
      const image = await loadImageFile(file);
      const codes = (await decodeQrCodesLazily(image)).map((c) => reportCode(c.text, values['show-password'] === true));
      const ms = Math.round((performance.now() - started) * 10) / 10;
      reports.push({ file, codes, ms });
      if (codes.length === 0 && exit === Exit.ok) exit = Exit.noCode;
    } catch (error) {
      if (!(error instanceof ImageLoadError)) throw error;
      io.err(`qr-room-invite: ${error.message}`);
      reports.push({ file, codes: [], ms: 0, error: error.message });
      exit = Exit.usage;
    }
  }
  if (values.json) {
    io.out(JSON.stringify(reports, null, 2));
  } else {
    for (const report of reports.filter((r) => !r.error)) printHuman(report, io);
  }
  return exit;
}

function printHuman(report: FileReport, io: CliIo): void {
  if (report.codes.length === 0) {
    io.out(`${report.file}: no QR code found (${report.ms} ms)`);
    return;
  }
  io.out(`${report.file}: ${report.codes.length} QR code${report.codes.length > 1 ? 's' : ''} (${report.ms} ms)`);
  for (const code of report.codes) {
    io.out(`  text:     ${code.text}`);
    if (code.meeting) io.out(`  meeting:  ${JSON.stringify(code.meeting)}`);
    if (code.terminal) io.out(`  terminal: ${JSON.stringify(code.terminal)}`);
    if (code.reason) io.out(`  not ours: ${code.reason}`);
  }
}
