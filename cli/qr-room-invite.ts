#!/usr/bin/env node
/**
 * qr-room-invite — the invite engine on the command line (README, "Command line").
 * Errors are one line on stderr with an exit code; never a stack trace.
 */
import { APP_VERSION } from '../core/app-info';
import { Exit, UsageError, type CliIo, type ExitCode } from './io';

const USAGE = `qr-room-invite ${APP_VERSION}

Usage:
  qr-room-invite decode <image…> [--json] [--show-password]
  qr-room-invite invite (--image <file> | --meeting <id>) [--to <SIP number>] [--org <id>]
                        [--number-type 0|1] [--site cn|intl] [--base-url <https URL>] [--ca <PEM file>]
                        [--timeout <seconds>] [--password-stdin] [--dry-run] [--json] [--verbose]
                        [--wait [seconds]] [--host-password-stdin] [--app-id <id>] [--app-key-stdin]
  qr-room-invite status --meeting <id> [--to <SIP number>] [same connection and credential options]
  qr-room-invite hangup --meeting <id> [--to <SIP number>] [same connection and credential options]

The password comes from the QR code, --password-stdin, or QRRI_PASSWORD.
--wait follows the call (default 60 s). The host password (QR code of role host,
--host-password-stdin or QRRI_HOST_PASSWORD) or an enterprise App ID (--app-id or QRRI_APP_ID,
its key from --app-key-stdin or QRRI_APP_KEY; optional --app-user or QRRI_APP_USER) tells
whether the room joined; secrets are never accepted as command-line values.
Exit codes: 0 ok (joined with --wait; in the meeting; hung up) · 1 no QR code (decode) ·
            2 usage or invalid input, nothing sent · 3 the server refused ·
            4 network, TLS, timeout or unknown outcome · 5 the room did not join or is not in
            the meeting · 6 no status source (the invite itself was accepted).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'decode':
        // Commands load lazily: image and network libraries are not needed for --help.
        return await (await import('./decode-command')).decodeCommand(rest, io);
      case 'invite':
        return await (await import('./invite-command')).inviteCommand(rest, io);
      case 'status':
        return await (await import('./call-commands')).statusCommand(rest, io);
      case 'hangup':
        return await (await import('./call-commands')).hangupCommand(rest, io);
      case '--version':
        io.out(APP_VERSION);
        return Exit.ok;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? Exit.usage : Exit.ok;
      default:
        throw new UsageError(`unknown command "${command}" (try --help)`);
    }
  } catch (error) {
    // parseArgs reports unknown options with a code; both are usage errors.
    const usage =
      error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    io.err(`qr-room-invite: ${error instanceof Error ? error.message : String(error)}`);
    return usage ? Exit.usage : Exit.network;
  }
}

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin,
  env: process.env,
};
// A reader that stops early (`decode *.png | head -1`) closes the pipe: end quietly, with the
// command's own status if it has finished (else 0), rather than crash with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
}
process.exitCode = await run(process.argv.slice(2), io);
