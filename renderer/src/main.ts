/** The window's script; the paste-to-join UI comes with the desktop app issue. */
interface Bridge {
  platform: string;
}

const bridge = (window as unknown as { qrRoomInvite?: Bridge }).qrRoomInvite;
const hint = document.querySelector<HTMLParagraphElement>('#hint');
if (hint && bridge?.platform === 'darwin') hint.textContent = 'Paste (⌘V) or drop a QR image';
