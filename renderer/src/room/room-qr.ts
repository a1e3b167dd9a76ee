/**
 * The room's own QR code: this room's terminal in the app's link format
 * (`qr-room-invite://v1?terminal=…&org=…&type=…&name=…`, never a password), so a colleague
 * whose app knows the meeting can scan or paste it and invite this room. Drawn as an SVG from
 * the `qrcode` library's module matrix: crisp at any size, dark on white in both themes
 * (scanners expect dark modules on a light background), with the quiet zone.
 */
import QRCode from 'qrcode';
import { buildAppLink } from '../../../shared/payload/index';
import type { Room } from '../../../shared/settings';

const SVG_NS = 'http://www.w3.org/2000/svg';
const QUIET_ZONE = 4;

/** The link the room's code carries. */
export function roomLink(room: Room): string {
  const { callNum, orgId, numberType, name } = room;
  return buildAppLink({
    terminal: { callNum, ...(orgId === undefined ? {} : { orgId }), ...(numberType === undefined ? {} : { numberType }), name },
  });
}

/** An `<svg role="img">` of the QR code of `text`, labelled `label`. */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size + QUIET_ZONE * 2;
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('class', 'room-qr-code');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.append(background, path);
  return svg;
}
