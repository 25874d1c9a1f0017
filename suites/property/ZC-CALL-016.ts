import fc from 'fast-check';
import { defineCheck, fail } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { describeCodes } from '../../src/property/census.js';
import { singleCallProperty } from '../_internals/single-call.js';

// Every call of the run's input mix (text, bytes, JSON, CSV, the module's own strings, the
// corpus when given) with ample room: if none returns 0 and some returned at all, the plugin
// rejects whatever it is given, and every other rule judged only its input check.
export default defineCheck('ZC-CALL-016', (ctx) => {
  const outcome = checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: 'aligned',
      census: false,
      capacity: fc.constant({ kind: 'ample' as const }),
      judge: () => OK,
    }),
  );
  if (outcome.status !== 'pass') return outcome;
  const refused = (outcome.census ?? []).filter((census) => {
    const returned = Object.entries(census.codes).filter(([code]) => /^-?\d+$/.test(code));
    return returned.length > 0 && census.codes['0'] === undefined;
  });
  if (refused.length === 0) return outcome;
  return {
    ...fail(
      refused
        .map((census) => `\`${census.export}\` accepted none of ${census.cases} inputs`)
        .join('; '),
      refused.map((census) => ({
        expected: `some of the ${census.cases} inputs accepted (0), with ample room; if the plugin takes a format neither generated inputs nor the exploration reached, give --corpus with samples of it (or explore longer: --explore-iterations)`,
        found: `\`${census.export}\` accepted none: ${describeCodes(census.codes, ctx.spec)}`,
        where: census.export,
        replay: ctx.replayCommand(),
      })),
    ),
    ...(outcome.census ? { census: outcome.census } : {}),
  };
});
