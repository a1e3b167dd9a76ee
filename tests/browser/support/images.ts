/** Test pictures made in Node: QR codes in every format, pictures with no code, fake giants. */
import sharp from 'sharp';
import { pngClaiming, qrPng } from '../../helpers/qr-images';

export { pngClaiming, qrPng };

/** The fixture meeting as Chinese invitation text (what "copy invitation" gives). */
export const INVITATION_ZH = '会议主题：周例会\n会议ID：914 083 136\n来宾密码：123123';
/** The same meeting as a Huawei client link. */
export const CLOUDLINK =
  'cloudlink://welinksoftclient/h5page?page=joinConfByLink&server_url=meeting.huaweicloud.com&port=8443&conf_id=914083136&enter_code=123123';
/** A Huawei web link: the meeting ID and a join token, but no password. */
export const WEB_LINK_NO_PASSWORD = 'https://meeting.huaweicloud.com/#/j/914083136/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA';

/** A QR code of `text` encoded as `format`. */
export async function qrImage(text: string, format: 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp'): Promise<Buffer> {
  const png = await qrPng(text);
  if (format === 'png') return png;
  if (format === 'bmp') return bmp(png);
  return sharp(png).toFormat(format).toBuffer();
}

/** A 24-bit BMP of a PNG (sharp cannot write BMP). */
async function bmp(png: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const rowBytes = Math.ceil((info.width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + rowBytes * info.height);
  file.write('BM', 0, 'ascii');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(info.width, 18);
  file.writeInt32LE(info.height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  for (let y = 0; y < info.height; y++) {
    // Bottom-up rows, BGR pixels.
    const row = 54 + (info.height - 1 - y) * rowBytes;
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      file[row + x * 3] = data[i + 2] ?? 0;
      file[row + x * 3 + 1] = data[i + 1] ?? 0;
      file[row + x * 3 + 2] = data[i] ?? 0;
    }
  }
  return file;
}

/** Several QR codes side by side in one PNG. */
export async function qrSheet(texts: readonly string[]): Promise<Buffer> {
  const codes = await Promise.all(texts.map((text) => qrPng(text, 5)));
  const metas = await Promise.all(codes.map((c) => sharp(c).metadata()));
  const size = Math.max(...metas.map((m) => m.width));
  return sharp({ create: { width: (size + 40) * texts.length + 40, height: size + 80, channels: 3, background: '#ffffff' } })
    .composite(codes.map((input, i) => ({ input, left: 40 + i * (size + 40), top: 40 })))
    .png()
    .toBuffer();
}

/** A large photo-like PNG (`width` × `height`) with a small QR code of `text` in a corner. */
export async function largeImageWithSmallCode(text: string, width: number, height: number): Promise<Buffer> {
  const code = await qrPng(text, 3);
  return sharp({ create: { width, height, channels: 3, background: '#e9edf2' } })
    .composite([{ input: code, left: width - 700, top: height - 600 }])
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** A picture with shapes but no QR code. */
export function noCodePicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#f4f6f8"/><circle cx="120" cy="150" r="70" fill="#3b82f6"/><rect x="220" y="90" width="120" height="120" fill="#111"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
