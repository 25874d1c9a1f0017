import { readFileSync } from 'node:fs';
import type { CheckContext } from '../../src/check/context.js';
import { EXPORT_PREFIX } from '../../src/contract/resolve-contract.js';
import { blocked, defineCheck } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { preparePluginModule } from '../../src/host/plugin-module.js';
import { checkCallProperty, OK } from '../../src/property/call-property.js';
import { describeDifference } from '../../src/util/bytes-diff.js';
import {
  answerOf,
  declaredProperty,
  declaredValue,
  declined,
  describeAnswer,
} from '../_internals/declared.js';

/** The inverse's instances: a second module's, or the plugin's own for an `export:` inverse. */
async function inverseOf(
  ctx: CheckContext,
  declared: string,
): Promise<{ start: (own: () => PluginInstance) => PluginInstance; exportName: string } | string> {
  if (declared.startsWith(EXPORT_PREFIX)) {
    const name = declared.slice(EXPORT_PREFIX.length);
    const found = ctx.compiled.ok && ctx.compiled.info.exports.some((entry) => entry.name === name);
    if (!found) return `the plugin does not export ${name}`;
    return { start: (own) => own(), exportName: name };
  }
  const prepared = await preparePluginModule(readFileSync(declared), ctx.limits.maxMemoryBytes);
  if (!prepared.ok) return `it cannot be loaded: ${prepared.message}`;
  return {
    start: () => {
      const setup = ctx.startCompanion(prepared.plugin);
      if (!setup.ok) throw new InverseUnavailable(describeSetupFailure(setup));
      return setup.instance;
    },
    exportName: 'process',
  };
}

export default defineCheck('ZC-PROP-009', async (ctx) => {
  const path = declaredValue(ctx);
  const found = await inverseOf(ctx, path);
  if (typeof found === 'string') return blocked(`the declared inverse ${path}: ${found}`);
  const ownExport = path.startsWith(EXPORT_PREFIX);
  let inverse: PluginInstance | undefined;
  const expected = `inverse(process(x)) == x, with ${path} as the inverse (declared \`inverse\`)`;
  try {
    return checkCallProperty(
      ctx,
      declaredProperty({
        judge: ({ input, answer, shape, env, session }) => {
          if (answer.kind !== 'code' || answer.code !== 0) return declined(answer);
          if (answer.output.length > env.maxInputBytes) {
            return { kind: 'inconclusive', why: 'output past the input limit' };
          }
          // An export of the plugin itself runs on the same instance, as a host would call it.
          if (ownExport) inverse = session.current();
          else if (!inverse || inverse.poisoned) inverse = found.start(() => session.current());
          if (!inverse.hasFunction(found.exportName))
            throw new InverseUnavailable(`it does not export \`${found.exportName}\``);
          const back = answerOf(inverse, { ...shape, exportName: found.exportName }, answer.output);
          if (back.kind === 'code' && back.code === 0 && Buffer.compare(back.output, input) === 0)
            return OK;
          return {
            kind: 'violation',
            expected,
            found:
              back.kind === 'code' && back.code === 0
                ? `the round trip changed the input: ${describeDifference(input, back.output, { expected: 'x', found: 'inverse(process(x))' })}; process(x) gave ${answer.output.length} bytes`
                : `process(x) returned 0, then ${describeAnswer('the inverse', back)}`,
          };
        },
      }),
    );
  } catch (error) {
    if (error instanceof InverseUnavailable) {
      return blocked(`the declared inverse ${path} cannot be run: ${error.message}`);
    }
    throw error;
  }
});

class InverseUnavailable extends Error {}
