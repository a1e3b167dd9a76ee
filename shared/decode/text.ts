/**
 * Stage 7: the text of a decoded symbol, from jsqr's segments ("chunks") rather than its own
 * string, which is wrong for anything but UTF-8 byte data. Byte segments are decoded in the
 * character set an ECI designator names; without one, as UTF-8 when they are valid UTF-8 (what
 * nearly every generator writes), else as Shift-JIS when valid (Japanese generators), else
 * ISO-8859-1 (the standard's default). Kanji segments are Shift-JIS by definition.
 */

/** One segment as jsqr reports it (its own types are enum-typed; this is their structural shape). */
export interface Segment {
  type: string;
  text?: string;
  bytes?: number[];
  assignmentNumber?: number;
}

/** ECI assignment numbers → WHATWG encoding labels (TextDecoder names). */
const ECI_CHARSETS: Record<number, string> = {
  1: 'iso-8859-1',
  3: 'iso-8859-1',
  4: 'iso-8859-2',
  5: 'iso-8859-3',
  6: 'iso-8859-4',
  7: 'iso-8859-5',
  8: 'iso-8859-6',
  9: 'iso-8859-7',
  10: 'iso-8859-8',
  11: 'iso-8859-9',
  12: 'iso-8859-10',
  13: 'iso-8859-11',
  15: 'iso-8859-13',
  16: 'iso-8859-14',
  17: 'iso-8859-15',
  18: 'iso-8859-16',
  20: 'shift_jis',
  21: 'windows-1250',
  22: 'windows-1251',
  23: 'windows-1252',
  24: 'windows-1256',
  25: 'utf-16be',
  26: 'utf-8',
  27: 'us-ascii',
  28: 'big5',
  29: 'gb18030',
  30: 'euc-kr',
  31: 'gbk',
  32: 'gb18030',
  33: 'utf-16le',
  170: 'us-ascii',
};

type Decoder = InstanceType<typeof TextDecoder>;

const decoders = new Map<string, Decoder | null>();

/** A cached decoder for `label`, or null when this runtime does not know the encoding. */
function decoder(label: string, fatal: boolean): Decoder | null {
  const key = `${label}${fatal ? '!' : ''}`;
  let d = decoders.get(key);
  if (d === undefined) {
    try {
      d = new TextDecoder(label, { fatal });
    } catch {
      d = null;
    }
    decoders.set(key, d);
  }
  return d;
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return decoder(label, true)?.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Byte-segment bytes in `charset`, or guessed when no ECI said which. */
export function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
    const d = decoder(charset, false);
    if (d) return d.decode(bytes);
  }
  return (
    tryDecode('utf-8', bytes) ??
    tryDecode('shift_jis', bytes) ??
    decoder('iso-8859-1', false)?.decode(bytes) ??
    String.fromCharCode(...bytes)
  );
}

/** The symbol's text from its segments. */
export function textFromChunks(chunks: readonly Segment[]): string {
  let text = '';
  let charset: string | undefined;
  // Consecutive byte segments are decoded together, so a character split across two is kept.
  let pending: number[] = [];
  const flush = (): void => {
    if (pending.length > 0) text += decodeBytes(Uint8Array.from(pending), charset);
    pending = [];
  };
  for (const chunk of chunks) {
    switch (chunk.type) {
      case 'byte':
        pending.push(...(chunk.bytes ?? []));
        break;
      case 'eci':
        flush();
        charset = ECI_CHARSETS[chunk.assignmentNumber ?? -1];
        break;
      case 'kanji':
        flush();
        text += decoder('shift_jis', false)?.decode(Uint8Array.from(chunk.bytes ?? [])) ?? chunk.text ?? '';
        break;
      default:
        flush();
        text += chunk.text ?? '';
    }
  }
  flush();
  return text;
}
