/**
 * The three decoders the benchmark compares on the same frames, each behind one signature:
 * jsqr on the whole frame (one call, both polarities), the project's pipeline, and zxing-cpp
 * through zxing-wasm with tryHarder — its wasm read from node_modules, never fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { decodeQrCodes, type RgbaImage } from '../shared/decode/index';

export interface Found {
  text: string;
  corners: { x: number; y: number }[];
}

export interface Decoder {
  name: string;
  decode(image: RgbaImage & { data: Uint8ClampedArray }): Promise<Found[]> | Found[];
}

export const jsqrWholeFrame: Decoder = {
  name: 'jsqr',
  decode({ data, width, height }) {
    const code = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
    if (!code) return [];
    const l = code.location;
    return [{ text: code.data, corners: [l.topLeftCorner, l.topRightCorner, l.bottomRightCorner, l.bottomLeftCorner] }];
  },
};

export const pipeline: Decoder = {
  name: 'pipeline',
  decode: (image) => decodeQrCodes(image),
};

/** zxing-cpp, loaded from the wasm file in node_modules (no network). */
export async function zxingDecoder(): Promise<Decoder & { version: string }> {
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm = readFileSync(wasmPath);
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
    fireImmediately: true,
  });
  const pkg = JSON.parse(readFileSync(wasmPath.replace(/dist\/reader\/zxing_reader\.wasm$/, 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    name: 'zxing',
    version: pkg.version,
    async decode(image) {
      const results = await readBarcodes(image, { tryHarder: true, formats: ['QRCode'] });
      return results
        .filter((r) => r.isValid)
        .map((r) => ({ text: r.text, corners: [r.position.topLeft, r.position.topRight, r.position.bottomRight, r.position.bottomLeft] }));
    },
  };
}
