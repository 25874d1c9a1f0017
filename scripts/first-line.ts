import { execa } from 'execa';

/** Runs a command and returns its first stdout line, or undefined if it cannot run. */
export async function firstLine(file: string, args: string[]): Promise<string | undefined> {
  try {
    const result = await execa(file, args, { reject: false, timeout: 30_000 });
    if (result.exitCode !== 0) return undefined;
    const line = result.stdout.split('\n')[0]?.trim();
    return line ? line : undefined;
  } catch {
    return undefined;
  }
}
