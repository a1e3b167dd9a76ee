/**
 * A fake webcam for Chromium (`--use-file-for-fake-video-capture=<file.y4m>`), made at test
 * time from QR images: each scene is a picture shown for a number of frames. Chromium loops
 * the file, so a code "stays in view" for as long as the test runs.
 */
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';

export interface Scene {
  /** A PNG (or any sharp input) placed in the middle of a grey frame; null for an empty view. */
  image: Buffer | null;
  frames: number;
}

/** RGB → Y'CbCr 4:2:0 (BT.601 full range, what Y4M's C420jpeg means). */
function toI420(rgb: Buffer, width: number, height: number): Buffer {
  const out = Buffer.alloc(width * height * 1.5);
  const u0 = width * height;
  const v0 = u0 + (width / 2) * (height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [rgb[i] ?? 0, rgb[i + 1] ?? 0, rgb[i + 2] ?? 0];
      out[y * width + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      if (x % 2 === 0 && y % 2 === 0) {
        const c = (y / 2) * (width / 2) + x / 2;
        out[u0 + c] = Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
        out[v0 + c] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
      }
    }
  }
  return out;
}

async function frame(image: Buffer | null, width: number, height: number): Promise<Buffer> {
  const canvas = sharp({ create: { width, height, channels: 3, background: '#8a8f94' } });
  const side = Math.round(height * 0.6);
  const layers = image ? [{ input: await sharp(image).resize(side, side, { kernel: 'nearest' }).toBuffer(), gravity: 'center' }] : [];
  const rgb = await canvas.composite(layers).removeAlpha().raw().toBuffer();
  return toI420(rgb, width, height);
}

/** Writes a Y4M video of the scenes and returns its path. */
export async function writeFakeCamera(path: string, scenes: readonly Scene[], width = 640, height = 480, fps = 30): Promise<string> {
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const scene of scenes) {
    const yuv = await frame(scene.image, width, height);
    for (let i = 0; i < scene.frames; i++) parts.push(Buffer.from('FRAME\n'), yuv);
  }
  writeFileSync(path, Buffer.concat(parts));
  return path;
}
