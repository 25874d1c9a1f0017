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
}

const MAX_MESSAGE_CHARS = 2048;

export class OutputCapture {
  private stdout = '';
  private stderr = '';
  private log: string[] = [];
  private capturedChars = 0;
  private droppedBytes = 0;
  private callBytes = 0;
  private currentCall = '(instantiation)';
  readonly violations: LogViolation[] = [];
  /** Bytes written during each finished call, by call label. */
  readonly bytesPerCall: Array<{ call: string; bytes: number }> = [];

  constructor(private readonly captureLimit: number) {}

  beginCall(label: string): void {
    this.currentCall = label;
    this.callBytes = 0;
  }

  endCall(): void {
    this.bytesPerCall.push({ call: this.currentCall, bytes: this.callBytes });
    this.currentCall = '(between calls)';
    this.callBytes = 0;
  }

  get bytesThisCall(): number {
    return this.callBytes;
  }

  private admit(text: string, byteCount: number): string | undefined {
    this.callBytes += byteCount;
    if (this.capturedChars >= this.captureLimit) {
      this.droppedBytes += byteCount;
      return undefined;
    }
    const room = this.captureLimit - this.capturedChars;
    const kept = text.length > room ? text.slice(0, room) : text;
    this.capturedChars += kept.length;
    if (kept.length < text.length) this.droppedBytes += byteCount - kept.length;
    return kept;
  }

  writeStream(fd: 1 | 2, bytes: Uint8Array): void {
    const text = this.admit(new TextDecoder().decode(bytes), bytes.length);
    if (text === undefined) return;
    if (fd === 1) this.stdout += text;
    else this.stderr += text;
  }

  logMessage(text: string, byteCount: number): void {
    const kept = this.admit(text, byteCount);
    if (kept === undefined) return;
    this.log.push(kept.length > MAX_MESSAGE_CHARS ? `${kept.slice(0, MAX_MESSAGE_CHARS)}…` : kept);
  }

  violation(kind: LogViolation['kind'], detail: string): void {
    if (this.violations.length < 20) this.violations.push({ kind, call: this.currentCall, detail });
  }

  /** A position to take the output written after it from, with since(). */
  mark(): CaptureMark {
    return { stdout: this.stdout.length, stderr: this.stderr.length, log: this.log.length };
  }

  since(mark: CaptureMark): CapturedText {
    return {
      stdout: this.stdout.slice(mark.stdout),
      stderr: this.stderr.slice(mark.stderr),
      log: this.log.slice(mark.log),
      droppedBytes: this.droppedBytes,
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
