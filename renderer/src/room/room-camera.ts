/**
 * The live camera in room mode: the preview (mirrored, as people expect when they hold
 * something up to a screen), the detected code outlined from the decoder's corners, and a
 * clear message over it whenever the camera is not running. Scanning runs only while the
 * camera is live (not while the window is hidden). Also the camera chooser, shown when this
 * PC has several cameras.
 */
import type { DecodedQrCode } from '../../../shared/decode/index';
import type { ViewContext } from '../context';
import type { QrDecoder } from '../decoder-client';
import { h, replaceChildren, uid } from '../dom';
import { watch } from '../store';
import { createCamera, type CameraState, type CameraStatus } from './camera';
import { createFrameScanner, type FrameResult } from './frame-scanner';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RoomCamera {
  /** The preview with its overlay and messages. */
  element: HTMLElement;
  /** The camera chooser (hidden unless there are several cameras). */
  chooser: HTMLElement;
}

function message(status: CameraStatus, context: ViewContext, retry: () => void): HTMLElement | null {
  const { text } = context;
  const box = (title: string, help: string | null, alert: boolean, action = false) =>
    h('div', { class: `room-camera-message${alert ? ' is-problem' : ''}`, attrs: alert ? { role: 'alert' } : {} }, [
      h('p', { class: 'room-camera-title', text: title }),
      help ? h('p', { class: 'room-camera-help', text: help }) : null,
      action ? h('button', { class: 'button', attrs: { type: 'button' }, text: text.room.tryAgain, on: { click: retry } }) : null,
    ]);
  switch (status.kind) {
    case 'live':
      return null;
    case 'starting':
      return box(text.room.cameraStarting, null, false);
    case 'paused':
      return box(text.room.cameraPaused, null, false);
    case 'denied':
      return box(text.room.cameraDenied, text.room.cameraDeniedHelp, true, true);
    case 'no-camera':
      return box(text.room.cameraNone, text.room.cameraNoneHelp, true);
    case 'lost':
      return box(text.room.cameraLost, text.room.cameraLostHelp, true);
    case 'busy':
      return box(text.room.cameraBusy, text.room.cameraBusyHelp, true, true);
    case 'unsupported':
      return box(text.room.cameraUnsupported, null, true);
  }
}

export function createRoomCamera(context: ViewContext, decoder: QrDecoder, onCodes: (texts: string[]) => void): RoomCamera {
  const { text, signal } = context;
  const video = h('video', { class: 'room-video', attrs: { playsinline: true, autoplay: true, muted: true, 'aria-hidden': 'true' } });
  video.muted = true;
  const outline = document.createElementNS(SVG_NS, 'svg');
  outline.setAttribute('class', 'room-overlay');
  outline.setAttribute('aria-hidden', 'true');
  outline.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const messageSlot = h('div', { class: 'room-camera-slot' });
  const element = h('section', { class: 'room-camera', attrs: { 'aria-label': text.room.cameraPreview } }, [
    h('div', { class: 'room-mirror' }, [video, outline]),
    messageSlot,
  ]);

  const select = h('select', { id: uid('camera') });
  const chooser = h('div', { class: 'room-chooser' }, [h('label', { attrs: { for: select.id }, text: text.room.camera }), select]);
  chooser.hidden = true;

  const camera = createCamera(video);
  select.addEventListener('change', () => camera.choose(select.value));

  function draw({ codes, videoWidth, videoHeight }: FrameResult): void {
    outline.setAttribute('viewBox', `0 0 ${videoWidth} ${videoHeight}`);
    outline.replaceChildren(
      ...codes.map((code: DecodedQrCode) => {
        const polygon = document.createElementNS(SVG_NS, 'polygon');
        polygon.setAttribute('points', code.corners.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '));
        return polygon;
      }),
    );
  }

  const scanner = createFrameScanner(video, decoder, (result) => {
    draw(result);
    onCodes(result.codes.map((code) => code.text));
  });

  // By kind: a retry that ends as before must not re-announce the same alert.
  watch(
    camera.state,
    (s) => s.status.kind,
    (kind) => {
      element.dataset.camera = kind;
      if (kind === 'live') scanner.start();
      else {
        scanner.stop();
        outline.replaceChildren();
      }
      replaceChildren(messageSlot, [message(camera.state.get().status, context, () => camera.retry())]);
    },
    signal,
  );
  watch(
    camera.state,
    (s) => [s.devices, s.status] as const,
    () => {
      const { devices, status, chosen }: CameraState = camera.state.get();
      chooser.hidden = devices.length < 2;
      const current = status.kind === 'live' ? status.deviceId : chosen;
      select.replaceChildren(
        ...devices.map((d, i) =>
          h('option', { attrs: { value: d.deviceId, selected: d.deviceId === current }, text: d.label || text.room.cameraName(i + 1) }),
        ),
      );
    },
    signal,
  );
  // For whoever checks the speed (and the browser suite): frames decoded in the last second.
  const rate = setInterval(() => {
    element.dataset.scanRate = String(scanner.rate());
  }, 1000);
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(rate);
      scanner.stop();
      camera.close();
    },
    { once: true },
  );
  return { element, chooser };
}
