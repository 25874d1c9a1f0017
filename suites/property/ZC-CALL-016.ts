import fc from 'fast-check';
import { defineCheck, fail } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { describeCodes } from '../../src/property/census.js';
import { returnCode, singleCallProperty } from '../_internals/single-call.js';

const AMPLE = { kind: 'ample' as const };

// Every call of the run's input mix (text, bytes, JSON, CSV, the module's own strings, the
// corpus when given) with ample room, and the spec's edge inputs (a lone JSON string, `{}`, a
// digit: the whole of what a narrow plugin takes), and the inputs exploration saw it accept,
// each run again here: if none returns 0 and some returned at all,
// the plugin rejects whatever it is given, and every other rule judged only its input check.
export default defineCheck('ZC-CALL-016', (ctx) => {
  // The census counts generated cases only; an edge input accepted counts here too.
  const acceptedBy = new Set<string>();
  const outcome = checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: 'aligned',
      census: false,
      capacity: fc.constant(AMPLE),
      edgeCapacities: [AMPLE],
      exploredAccepted: true,
      judge: (run, { shape }) => {
        if (returnCode(run) === 0) acceptedBy.add(shape.exportName);
        return OK;
      },
    }),
  );
  if (outcome.status !== 'pass') return outcome;
  const refused = (outcome.census ?? []).filter((census) => {
    if (acceptedBy.has(census.export)) return false;
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
