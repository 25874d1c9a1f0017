import { defineCheck } from '../../src/check/define-check.js';
import { failOnStoppedCalls } from '../../src/check/stopped-call.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { limitOption } from '../../src/spec-model/limits.js';
import { singleCallProperty } from '../_internals/single-call.js';

// The memory limit is enforced inside the module (src/host/plugin-module.ts): a memory.grow that
// would take the plugin's own memory past --max-memory is refused and ends the call, so this
// rule's verdict never depends on timing. Its own cases shrink to the smallest such call; the
// spec says it `catches` memory bombs, so a refusal in any other rule's case settles it too.
export default defineCheck('ZC-CALL-003', {
  run: (ctx) => {
    const expected = `the plugin's memory stays at most ${ctx.limits.maxMemoryBytes} bytes (${limitOption(ctx.spec, 'maxMemoryBytes')})`;
    return checkCallProperty(
      ctx,
      singleCallProperty({
        layouts: ['apart'],
        judge: ({ main: { outcome } }) =>
          outcome.kind === 'stopped' && outcome.reason === 'memory-bomb'
            ? { kind: 'violation', expected, found: outcome.detail }
            : OK,
      }),
    );
  },
  settle: failOnStoppedCalls((stop, { spec, limits }) => ({
    message: `\`${stop.exportName}\` took memory past the limit; the call was stopped`,
    expected: `the plugin's memory stays at most ${limits.maxMemoryBytes} bytes (${limitOption(spec, 'maxMemoryBytes')})`,
    found: `${stop.detail}, in ${stop.call}`,
  })),
});
