import type { DesktopCapturer, Screen } from 'electron';
import type { ScreenFrame } from '../shared/ipc';

/**
 * Captures every display at full resolution (physical pixels, so a QR code on a 150% display
 * keeps its detail) as raw BGRA frames for the renderer's decoder.
 */
export async function captureScreens(
  desktopCapturer: Pick<DesktopCapturer, 'getSources'>,
  screen: Pick<Screen, 'getAllDisplays'>,
): Promise<ScreenFrame[]> {
  const displays = screen.getAllDisplays();
  const largest = displays.reduce(
    (size, d) => ({
      width: Math.max(size.width, Math.round(d.size.width * d.scaleFactor)),
      height: Math.max(size.height, Math.round(d.size.height * d.scaleFactor)),
    }),
    { width: 1, height: 1 },
  );
  const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: largest });
  return sources
    .filter((source) => !source.thumbnail.isEmpty())
    .map((source) => {
      const { width, height } = source.thumbnail.getSize();
      return { id: source.id, name: source.name, width, height, format: 'bgra', data: new Uint8Array(source.thumbnail.toBitmap()) };
    });
}
