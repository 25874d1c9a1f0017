import { readFileSync } from 'node:fs';
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

export default defineCheck('ZC-PROP-009', async (ctx) => {
  const path = declaredValue(ctx);
  const prepared = await preparePluginModule(readFileSync(path), ctx.limits.maxMemoryBytes);
  if (!prepared.ok)
    return blocked(`the declared inverse ${path} cannot be loaded: ${prepared.message}`);
  const start = (): PluginInstance => {
    const setup = ctx.startCompanion(prepared.plugin);
    if (!setup.ok) throw new InverseUnavailable(describeSetupFailure(setup));
    return setup.instance;
  };
  let inverse: PluginInstance | undefined;
  const expected = `inverse(process(x)) == x, with ${path} as the inverse (declared \`inverse\`)`;
  try {
    return checkCallProperty(
      ctx,
      declaredProperty({
        judge: ({ input, answer, shape, env }) => {
          if (answer.kind !== 'code' || answer.code !== 0) return declined(answer);
          if (answer.output.length > env.maxInputBytes) {
            return { kind: 'inconclusive', why: 'output past the input limit' };
          }
          if (!inverse || inverse.poisoned) inverse = start();
          if (!inverse.hasFunction('process'))
            throw new InverseUnavailable('it does not export `process`');
          const back = answerOf(inverse, shape, answer.output);
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
