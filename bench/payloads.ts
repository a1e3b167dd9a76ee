/** Texts the corpus encodes: the kinds of payload the app meets (FORMATS.md), plus some noise. */
import QRCode from 'qrcode';
import type { Rng } from './rng';

/** A QR symbol as a module matrix (1 = dark), without quiet zone. */
export interface QrSymbol {
  text: string;
  size: number;
  modules: Uint8Array;
}

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** A distinct, realistic payload; `salt` keeps the texts on one image different. */
export function payload(rng: Rng, salt: number): string {
  const id = `${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`;
  switch (rng.int(0, 6)) {
    case 0:
      return `https://meeting.huaweicloud.com:36443/#/j/${id.replaceAll(' ', '')}`;
    case 1:
      return `会议ID：${id} 来宾密码：${digits(rng, 6)}`;
    case 2:
      return `sip:+9911125${digits(rng, 10)}`;
    case 3:
      return `tel:+99111253020382685,,${digits(rng, 9)}#`;
    case 4:
      return `https://example.com/r/${salt}${digits(rng, 4)}?utm=${'abcdefghij'.slice(0, rng.int(2, 9))}`;
    case 5:
      return `Meeting ID: ${id}\nPasscode: ${digits(rng, 6)}\nhttps://meeting.huaweicloud.com/#/j/${digits(rng, 9)}`;
    default:
      return `会議室 ${salt}-${digits(rng, 4)}：${id}`;
  }
}

export function makeSymbol(text: string, level: 'L' | 'M' | 'Q' | 'H'): QrSymbol {
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  return { text, size: qr.modules.size, modules: Uint8Array.from(qr.modules.data) };
}

export function isDark(symbol: QrSymbol, col: number, row: number): boolean {
  return col >= 0 && row >= 0 && col < symbol.size && row < symbol.size && symbol.modules[row * symbol.size + col] === 1;
}
