import { runCli } from '../src/cli/run-cli.js';

/** The plugin the README's sample output shows: a Rust panic is the most common first failure. */
export const SAMPLE_PLUGIN = 'reference-plugins/broken/dist/process-unwrap-utf8.wasm';

/** The text report exactly as `npx zenith-conform <SAMPLE_PLUGIN>` prints it, without colour. */
export async function sampleOutput(): Promise<{
  command: string;
  output: string;
  exitCode: number;
}> {
  let output = '';
  const exitCode = await runCli([SAMPLE_PLUGIN], {
    stdout: (text) => (output += text),
    stderr: () => {},
    isTTY: false,
    env: { NO_COLOR: '1' },
  });
  return { command: `npx zenith-conform ${SAMPLE_PLUGIN}`, output: output.trimEnd(), exitCode };
}
