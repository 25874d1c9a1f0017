/** Where bytes stop being UTF-8, as a phrase; undefined when they are valid UTF-8. */
export function utf8Problem(bytes: Uint8Array): string | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // The decoder says only that it failed: find the first byte of the bad sequence.
    for (let at = 0; at < bytes.length;) {
      const length = sequenceLength(bytes, at);
      if (length === 0)
        return `byte ${at} (0x${bytes[at]!.toString(16).padStart(2, '0')}) starts no valid UTF-8 sequence`;
      at += length;
    }
    return 'not valid UTF-8';
  }
}

/** The length of the valid UTF-8 sequence at `at`, or 0 (RFC 3629: no overlongs, surrogates). */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  const cont = (i: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at + i];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (lead === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (lead >= 0xe1 && lead <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (lead === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (lead === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  if (lead >= 0xf1 && lead <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** The first byte above 0x7F, as a phrase; undefined when every byte is ASCII. */
export function asciiProblem(bytes: Uint8Array): string | undefined {
  const at = bytes.findIndex((byte) => byte > 0x7f);
  return at === -1 ? undefined : `byte ${at} is 0x${bytes[at]!.toString(16)}, not ASCII`;
}

/** Why bytes are not one JSON text, as a phrase; undefined when they are. */
export function jsonProblem(bytes: Uint8Array): string | undefined {
  const utf8 = utf8Problem(bytes);
  if (utf8) return utf8;
  try {
    JSON.parse(new TextDecoder().decode(bytes));
    return undefined;
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
}
