import type { OutputCapture } from './capture.js';
import type { HostState } from './traps.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/** env.host_log(ptr, len): bounds- and UTF-8-checked, recorded, never trusted. */
export function createHostLog(
  getMemory: () => WebAssembly.Memory | undefined,
  capture: OutputCapture,
  state: HostState = {},
): (ptr: number, len: number) => void {
  return (rawPtr: number, rawLen: number) => {
    if (state.exited) throw state.exited;
    const ptr = rawPtr >>> 0;
    const len = rawLen >>> 0;
    const size = getMemory()?.buffer.byteLength ?? 0;
    if (ptr + len > size) {
      capture.violation(
        'out-of-bounds',
        `host_log(ptr=${ptr}, len=${len}) reaches byte ${ptr + len}, past the memory's ${size} bytes`,
      );
      return;
    }
    // Charged before decoding: a flood past the per-call limit ends the call unread.
    capture.chargeBytes(len);
    // slice(): TextDecoder refuses views of a shared memory's SharedArrayBuffer.
    const bytes = new Uint8Array(getMemory()!.buffer, ptr, len).slice();
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = lenientUtf8.decode(bytes);
      capture.violation(
        'invalid-utf8',
        `host_log(ptr=${ptr}, len=${len}) passed bytes that are not UTF-8: ${JSON.stringify(text.slice(0, 80))}`,
      );
    }
    capture.logMessage(text, len);
  };
}
