#!/usr/bin/env node
import pc from 'picocolors';
import { runCli } from './run-cli.js';
import { internalErrorText } from './internal-error.js';
import { readAllStdin } from './plugin-args.js';

const first = process.argv[2];
const command = first === 'bench' || first === 'inspect' ? first : 'check';

/** Anything runCli lets through is our bug: one line (the stack with ZC_DEBUG=1), exit 2. */
function crash(error: unknown): void {
  process.stderr.write(internalErrorText(command, error, process.env['ZC_DEBUG'] === '1'));
  process.exitCode = 2;
}

// A reader that went away (`zenith-conform ... | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  crash(error);
});
process.on('uncaughtException', (error) => {
  crash(error);
  process.exit(2);
});
process.on('unhandledRejection', (error) => {
  crash(error);
  process.exit(2);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.columns,
    env: process.env,
    colorSupported: pc.isColorSupported,
    readStdin: () => readAllStdin(process.stdin),
    stdinIsTTY: process.stdin.isTTY === true,
  });
} catch (error) {
  crash(error);
}
