/** Text of decoded segments: UTF-8, Shift-JIS and ECI designators (shared/decode/text.ts). */
import { describe, expect, it } from 'vitest';
import { decodeBytes, textFromChunks } from '../../shared/decode/text';

// "会議室" in Shift-JIS and in UTF-8.
const SJIS = [0x89, 0xef, 0x8b, 0x63, 0x8e, 0xba];
const UTF8 = [...new TextEncoder().encode('会議室')];

describe('textFromChunks', () => {
  it('reads byte segments as UTF-8 when they are valid UTF-8', () => {
    expect(textFromChunks([{ type: 'byte', bytes: UTF8 }])).toBe('会議室');
  });

  it('reads byte segments as Shift-JIS when they are not UTF-8 but are valid Shift-JIS', () => {
    expect(textFromChunks([{ type: 'byte', bytes: SJIS }])).toBe('会議室');
  });

  it('falls back to ISO-8859-1, the standard default, for anything else', () => {
    expect(textFromChunks([{ type: 'byte', bytes: [0x63, 0x61, 0x66, 0xe9, 0x20] }])).toBe('café ');
  });

  it('follows an ECI designator: 20 is Shift-JIS, 26 UTF-8, 3 ISO-8859-1, 22 windows-1251', () => {
    expect(
      textFromChunks([
        { type: 'eci', assignmentNumber: 20 },
        { type: 'byte', bytes: SJIS },
      ]),
    ).toBe('会議室');
    expect(
      textFromChunks([
        { type: 'eci', assignmentNumber: 26 },
        { type: 'byte', bytes: UTF8 },
      ]),
    ).toBe('会議室');
    // Under ECI 3, bytes that happen to be valid UTF-8 are still Latin-1.
    expect(
      textFromChunks([
        { type: 'eci', assignmentNumber: 3 },
        { type: 'byte', bytes: [0xc3, 0xa9] },
      ]),
    ).toBe('Ã©');
    expect(
      textFromChunks([
        { type: 'eci', assignmentNumber: 22 },
        { type: 'byte', bytes: [0xcf, 0xf0, 0xe8] },
      ]),
    ).toBe('При');
  });

  it('guesses again after an unknown ECI', () => {
    expect(
      textFromChunks([
        { type: 'eci', assignmentNumber: 899 },
        { type: 'byte', bytes: UTF8 },
      ]),
    ).toBe('会議室');
  });

  it('reads kanji segments as Shift-JIS and keeps numeric and alphanumeric text', () => {
    expect(
      textFromChunks([
        { type: 'alphanumeric', text: 'ROOM ' },
        { type: 'kanji', bytes: SJIS },
        { type: 'numeric', text: '914083136' },
      ]),
    ).toBe('ROOM 会議室914083136');
  });

  it('decodes consecutive byte segments together, so a character split between them survives', () => {
    expect(
      textFromChunks([
        { type: 'byte', bytes: UTF8.slice(0, 4) },
        { type: 'byte', bytes: UTF8.slice(4) },
      ]),
    ).toBe('会議室');
  });

  it('decodeBytes uses a named charset as given', () => {
    expect(decodeBytes(Uint8Array.from(SJIS), 'shift_jis')).toBe('会議室');
  });
});
