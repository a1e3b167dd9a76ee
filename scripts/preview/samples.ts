/**
 * Sample QR images for trying the window (`npm run preview:web`, `npm run demo`) — each one a
 * case the README describes. `npx tsx scripts/preview/samples.ts` writes them to docs/samples/;
 * the browser suite reads the committed files, so they stay true to what the README says.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { buildAppLink } from '../../shared/payload/index';
import {
  FIXTURE_BLOCKED_ORG_ID,
  FIXTURE_BLOCKED_TERMINAL,
  FIXTURE_GUEST_PASSWORD,
  FIXTURE_MEETING_ID,
  FIXTURE_ORG_ID,
} from '../../simulator/fixture';

export const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/samples');

export interface Sample {
  file: string;
  /** The text of the code (several codes for a sheet). */
  texts: readonly string[];
  /** What happens when it is pasted, for the README. */
  what: string;
}

export const SAMPLES: readonly Sample[] = [
  {
    file: 'meeting-invitation.png',
    texts: [`会议ID：914 083 136\n来宾密码：${FIXTURE_GUEST_PASSWORD}`],
    what: 'the fixture meeting with its guest password (Chinese invitation text): Invite calls the room',
  },
  {
    file: 'meeting-link.png',
    texts: [`https://meeting.huaweicloud.com/#/j/${FIXTURE_MEETING_ID}/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA`],
    what: `a Huawei meeting link: no password in it, so the window asks (type ${FIXTURE_GUEST_PASSWORD}; anything else shows the wrong-password alert)`,
  },
  {
    file: 'room-b.png',
    texts: [buildAppLink({ terminal: { callNum: '+99111253020382687', orgId: FIXTURE_ORG_ID, name: 'Room B' } })],
    what: 'a room’s own code (the app link) for Room B, which the preview has not configured: shown as an unknown terminal, invited only into a meeting chosen and confirmed',
  },
  {
    file: 'blocked-room.png',
    texts: [buildAppLink({ terminal: { callNum: FIXTURE_BLOCKED_TERMINAL, orgId: FIXTURE_BLOCKED_ORG_ID, name: 'Blocked room' } })],
    what: 'a room of an enterprise whose admin switch is off: the alert explains the switch',
  },
  {
    file: 'not-a-meeting.png',
    texts: ['https://example.com/menu'],
    what: 'an unrelated code: “This QR code is not a meeting”, naming example.com; nothing is sent',
  },
  {
    file: 'several-codes.png',
    texts: [`Meeting ID: 914 083 136 Guest password: ${FIXTURE_GUEST_PASSWORD}`, 'sip:+99111253020382687', 'https://example.com/'],
    what: 'three codes in one picture: the two meaningful ones are offered to choose from',
  },
];

/** The PNG of a sample: one code, or several side by side. */
export async function samplePng(sample: Sample): Promise<Buffer> {
  const codes = await Promise.all(
    sample.texts.map((text) => QRCode.toBuffer(text, { type: 'png', scale: 6, margin: 4, errorCorrectionLevel: 'M' })),
  );
  if (codes.length === 1 && codes[0]) return codes[0];
  const sizes = await Promise.all(codes.map(async (code) => (await sharp(code).metadata()).width));
  const size = Math.max(...sizes);
  return sharp({ create: { width: (size + 24) * codes.length + 24, height: size + 48, channels: 3, background: '#ffffff' } })
    .composite(codes.map((input, i) => ({ input, left: 24 + i * (size + 24), top: 24 })))
    .png()
    .toBuffer();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(SAMPLES_DIR, { recursive: true });
  for (const sample of SAMPLES) {
    writeFileSync(path.join(SAMPLES_DIR, sample.file), await samplePng(sample));
    console.log(`${sample.file}: ${sample.what}`);
  }
}
