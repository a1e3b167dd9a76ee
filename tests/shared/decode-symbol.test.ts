/**
 * The direct decode of a sampled module grid (shared/decode/symbol.ts) gives the text jsqr gives
 * for the same grid drawn as a symbol (render.ts + read.ts, the path it replaces), reads mirrored
 * grids, corrects errors, and leaves what it cannot read to that path (null).
 */
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import toSJIS from 'qrcode/helper/to-sjis';
import { describe, expect, it } from 'vitest';
import { jsQrReader } from '../../shared/decode/read';
import { SymbolRenderer } from '../../shared/decode/render';
import { decodeSymbol } from '../../shared/decode/symbol';

type Segments = Parameters<typeof QRCode.create>[0];

function grid(segments: Segments, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): { bits: Uint8Array; dimension: number } {
  const { modules } = QRCode.create(segments, { errorCorrectionLevel, toSJISFunc: toSJIS });
  return { bits: Uint8Array.from(modules.data, Number), dimension: modules.size };
}

const readCode = jsQrReader(jsQR);

function jsqrText(bits: Uint8Array, dimension: number): string | undefined {
  const { rgba, size } = new SymbolRenderer().render(bits, dimension, 2, 2);
  return readCode(rgba, size, size)?.text;
}

const CASES: [string, Segments][] = [
  ['numeric', [{ data: '0012345678901', mode: 'numeric' }]],
  ['alphanumeric', [{ data: 'HTTPS://EXAMPLE.COM/R/27534 $%*+-./:', mode: 'alphanumeric' }]],
  ['UTF-8 bytes', [{ data: new TextEncoder().encode('会议ID：786 669 342 来宾密码：003553'), mode: 'byte' }]],
  ['Latin-1 bytes', [{ data: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), mode: 'byte' }]],
  ['Shift-JIS bytes', [{ data: Uint8Array.from([0x89, 0xef, 0x8b, 0x63, 0x8e, 0xba]), mode: 'byte' }]],
  ['kanji', [{ data: '会議室', mode: 'kanji' }]],
  [
    'mixed segments',
    [
      { data: 'ROOM ', mode: 'alphanumeric' },
      { data: '1234567', mode: 'numeric' },
      { data: new TextEncoder().encode(' sip:+99111256758006031'), mode: 'byte' },
    ],
  ],
  ['version 7+ (version information)', `https://meeting.huaweicloud.com/#/j/304264067?${'x'.repeat(160)}`],
];

describe('decodeSymbol', () => {
  it.each(CASES)('reads %s as jsqr does', (_name, segments) => {
    const { bits, dimension } = grid(segments);
    const text = decodeSymbol(bits, dimension);
    expect(text).not.toBeNull();
    expect(text).toBe(jsqrText(bits, dimension));
  });

  it('reads kanji segments as Shift-JIS text', () => {
    const { bits, dimension } = grid([{ data: '会議室', mode: 'kanji' }]);
    expect(decodeSymbol(bits, dimension)).toBe('会議室');
  });

  it('reads a mirrored (transposed) grid', () => {
    const { bits, dimension } = grid('https://meeting.huaweicloud.com:36443/#/j/737226800');
    const mirrored = bits.map((_, i) => bits[(i % dimension) * dimension + Math.floor(i / dimension)] as number);
    expect(decodeSymbol(mirrored, dimension)).toBe('https://meeting.huaweicloud.com:36443/#/j/737226800');
  });

  it('corrects flipped data modules', () => {
    const { bits, dimension } = grid('tel:+99111253020382685,,959406959#', 'H');
    for (const [r, c] of [
      [12, 12],
      [14, 15],
      [20, 20],
      [22, 11],
    ] as const) {
      bits[r * dimension + c] = 1 - (bits[r * dimension + c] as number);
    }
    expect(decodeSymbol(bits, dimension)).toBe('tel:+99111253020382685,,959406959#');
  });

  it('gives null for a grid that is not a symbol', () => {
    const dimension = 29;
    const bits = Uint8Array.from({ length: dimension * dimension }, (_, i) => ((i * 7919) % 3 === 0 ? 1 : 0));
    expect(decodeSymbol(bits, dimension)).toBeNull();
  });
});
