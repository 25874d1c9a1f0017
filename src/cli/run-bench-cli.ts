import { runBench } from '../bench/run-bench.js';
import { renderBenchText } from '../bench/render/text.js';
import { formatSize } from '../util/format-size.js';
import { writeReports } from '../bench/write-reports.js';
import { UsageError } from '../util/errors.js';
import { parseBenchArgs } from './bench-args.js';
import { renderBenchHelp } from './options.js';
import { EXIT, type CliIo } from './io.js';

/** `zenith-conform bench`: a thin shell over runBench and writeReports. */
export async function runBenchCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseBenchArgs(argv);
    if (args.help) {
      io.stdout(renderBenchHelp());
      return EXIT.ok;
    }
    if (args.plugins.length === 0) {
      throw new UsageError(
        'ZC_NO_PLUGINS',
        'no plugin given: zenith-conform bench [options] <plugin.wasm...> (see zenith-conform bench --help)',
      );
    }
    const progress = !args.json && io.isTTY;
    const report = await runBench(args.plugins, {
      ...args.options,
      onEvent: (source, event) => {
        if (progress && event.type === 'case-start') {
          io.stderr(`\r\x1b[K${source}: ${event.export} at ${formatSize(event.size)}…`);
        }
      },
    });
    if (progress) io.stderr('\r\x1b[K');
    const written = args.out ? await writeReports(report, args.out) : [];
    const color = args.color ?? (io.isTTY && !io.env['NO_COLOR']);
    io.stdout(
      args.json ? `${JSON.stringify(report, null, 2)}\n` : renderBenchText(report, color, written),
    );
    if (report.plugins.some((plugin) => plugin.errorCode)) return EXIT.usage;
    const errors = report.summary.errors > 0;
    return errors || report.gate?.ok === false ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`zenith-conform bench: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
