/**
 * `npm run bench:startup` (after `npm run build:cli`): the wall time of `qr-room-invite decode`
 * on one small PNG, as a person runs it — a fresh Node process each time — against Node starting
 * with an empty script, interleaved so both see the same machine load. Prints medians and the
 * difference (what the CLI adds to Node). Numbers only; nothing here passes or fails on time.
 *
 * Options: --runs N (spawns of each, default 21), --scale N (pixels per module, default 3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'qr-room-invite.js');
const TEXT = 'https://meeting.huaweicloud.com/#/j/304264067';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, scale: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs) || 21);
if (!existsSync(CLI)) {
  console.error(`bench:startup: ${CLI} is missing; run \`npm run build:cli\` first`);
  process.exit(2);
}

const png = await QRCode.toBuffer(TEXT, { type: 'png', scale: Number(values.scale) || 3, margin: 4, errorCorrectionLevel: 'M' });
const file = join(mkdtempSync(join(tmpdir(), 'qrri-startup-')), 'code.png');
writeFileSync(file, png);

function wallMs(args: string[]): { ms: number; stdout: string; status: number | null } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: run.stdout, status: run.status };
}

const node: number[] = [];
const cli: number[] = [];
for (let i = 0; i < runs; i++) {
  node.push(wallMs(['-e', '0']).ms);
  const run = wallMs([CLI, 'decode', file]);
  if (run.status !== 0 || !run.stdout.includes(TEXT)) {
    console.error(`bench:startup: the CLI did not read the code (exit ${run.status}):\n${run.stdout}`);
    process.exit(1);
  }
  cli.push(run.ms);
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const width = png.readUInt32BE(16);
console.log(`CLI start-up, ${runs} interleaved spawns each (Node ${process.version}):`);
console.log(`  node -e 0                           median ${median(node).toFixed(0)} ms`);
console.log(`  decode ${width}×${width} PNG (one code)       median ${median(cli).toFixed(0)} ms`);
console.log(`  what the CLI adds to Node           ${(median(cli) - median(node)).toFixed(0)} ms`);
