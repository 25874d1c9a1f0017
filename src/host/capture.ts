import { HostStop } from './traps.js';

/**
 * Everything a plugin writes (host_log, stdout, stderr) for one instance, capped, with per-call
 * byte counts for the flood rule and the host_log misuse the log rules report.
 */
export interface LogViolation {
  kind: 'out-of-bounds' | 'invalid-utf8';
  call: string;
  detail: string;
}

export interface CapturedText {
  stdout: string;
  stderr: string;
  log: string[];
  droppedBytes: number;
}

export interface CaptureMark {
  stdout: number;
  stderr: number;
  log: number;
  dropped: number;
}

const MAX_MESSAGE_CHARS = 2048;

export class OutputCapture {
  private stdout = '';
  private stderr = '';
  private log: string[] = [];
  private capturedChars = 0;
  private droppedBytes = 0;
  private callBytes = 0;
  private pendingStop: HostStop | undefined;
  private callName = '(instantiation)';
  /** The current call's arguments: its label is made from them only when something needs it. */
  private callArgs: readonly number[] | undefined;
  readonly violations: LogViolation[] = [];
  /** Bytes written during each finished call, by call label. */
  readonly bytesPerCall: Array<{ call: string; bytes: number }> = [];
  /**
   * Whether each finished call is added to bytesPerCall. The property engine turns it off on
   * its instances, which make thousands of calls whose records nothing reads.
   */
  recordCalls = true;

  /**
   * @param captureLimit characters of output kept for the report, over the instance's life
   * @param perCallLimit bytes one call may write (log and stdio together); the write that
   *   would pass it ends the call with a HostStop, before its bytes are even decoded
   */
  constructor(
    private readonly captureLimit: number,
    private readonly perCallLimit: number = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * Counts a write against the per-call limit; throws HostStop when it would pass it, and
   * again at every later write of the call: a plugin that catches the exception (a wasm
   * `catch_all` around its logging) cannot write on, and the host still sees the stop.
   */
  chargeBytes(byteCount: number): void {
    if (this.pendingStop) throw this.pendingStop;
    if (this.callBytes + byteCount <= this.perCallLimit) {
      this.callBytes += byteCount;
      return;
    }
    const wrote = this.callBytes;
    this.callBytes += byteCount;
    this.pendingStop = new HostStop(
      'log-flood',
      `${this.currentCall} wrote ${wrote} bytes of log and stdio, then asked to write ${byteCount} more: past the ${this.perCallLimit}-byte limit per call`,
    );
    throw this.pendingStop;
  }

  /** The stop this call ran into, even if the plugin caught it and returned. */
  takeStop(): HostStop | undefined {
    const stop = this.pendingStop;
    this.pendingStop = undefined;
    return stop;
  }

  /** A call starts: `label` alone, or an export's name and the arguments that label it. */
  beginCall(label: string, args?: readonly number[]): void {
    this.callName = label;
    this.callArgs = args;
    this.callBytes = 0;
    this.pendingStop = undefined;
  }

  endCall(): void {
    if (this.recordCalls) this.bytesPerCall.push({ call: this.currentCall, bytes: this.callBytes });
    this.callName = '(between calls)';
    this.callArgs = undefined;
    this.callBytes = 0;
  }

  /** `process(1114312, 1, 1114448, 1114176)`: the current call as reports name it. */
  private get currentCall(): string {
    const args = this.callArgs;
    if (!args) return this.callName;
    let label = `${this.callName}(`;
    for (let i = 0; i < args.length; i++) label += i === 0 ? `${args[i]}` : `, ${args[i]}`;
    return `${label})`;
  }

  get bytesThisCall(): number {
    return this.callBytes;
  }

  /** Keeps text for the report within the capture limit; the bytes were charged already. */
  private admit(text: string, byteCount: number): string | undefined {
    if (this.capturedChars >= this.captureLimit) {
      this.droppedBytes += byteCount;
      return undefined;
    }
    const room = this.captureLimit - this.capturedChars;
    const kept = text.length > room ? text.slice(0, room) : text;
    this.capturedChars += kept.length;
    if (kept.length < text.length) this.droppedBytes += byteCount - utf8Length(kept);
    return kept;
  }

  /** stdout or stderr bytes the caller charged (before copying them out of memory). */
  writeStream(fd: 1 | 2, bytes: Uint8Array): void {
    const text = this.admit(new TextDecoder().decode(bytes), bytes.length);
    if (text === undefined) return;
    if (fd === 1) this.stdout += text;
    else this.stderr += text;
  }

  /** A host_log message whose bytes the caller charged (before decoding them). */
  logMessage(text: string, byteCount: number): void {
    const kept = this.admit(text, byteCount);
    if (kept === undefined) return;
    if (kept.length <= MAX_MESSAGE_CHARS) {
      this.log.push(kept);
      return;
    }
    const shown = kept.slice(0, MAX_MESSAGE_CHARS);
    // The cut-off tail is output the report does not keep: it counts as dropped, and does
    // not use up the capture limit.
    this.capturedChars -= kept.length - shown.length;
    this.droppedBytes += utf8Length(kept) - utf8Length(shown);
    this.log.push(`${shown}…`);
  }

  violation(kind: LogViolation['kind'], detail: string): void {
    if (this.violations.length < 20) this.violations.push({ kind, call: this.currentCall, detail });
  }

  /** A position to take the output written after it from, with since(). */
  mark(): CaptureMark {
    return {
      stdout: this.stdout.length,
      stderr: this.stderr.length,
      log: this.log.length,
      dropped: this.droppedBytes,
    };
  }

  since(mark: CaptureMark): CapturedText {
    return {
      stdout: this.stdout.slice(mark.stdout),
      stderr: this.stderr.slice(mark.stderr),
      log: this.log.slice(mark.log),
      droppedBytes: this.droppedBytes - mark.dropped,
    };
  }

  snapshot(): CapturedText {
    return {
      stdout: this.stdout,
      stderr: this.stderr,
      log: [...this.log],
      droppedBytes: this.droppedBytes,
    };
  }

  /** stderr's last lines: where a Rust panic message lands. */
  stderrTail(maxChars = 1000): string {
    return this.stderr.length > maxChars ? `…${this.stderr.slice(-maxChars)}` : this.stderr;
  }
}

const encoder = new TextEncoder();
const utf8Length = (text: string): number => encoder.encode(text).length;
