/** report.md: the scores, the classes, and every survivor with what made it non-equivalent. */
import { sanitizeText } from '../../src/util/sanitize.js';
import type { Difference } from './differential.js';
import type { OperatorId } from './operators.js';
import type { Depth, MutantRecord, MutationReport, Score } from './report-types.js';
import { formatScore, scoreOf, thoroughWithContract } from './score.js';
import { survivorClassOf, type SurvivorClass } from './survivor-classes.js';

const cell = (text: string): string => sanitizeText(text).replace(/\|/g, '\\|');
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, right = 0) {
  const rule = headers.map((_, i) => (i >= headers.length - right ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

const judged = (score: Score): string =>
  `${formatScore(score)} (${score.killed}/${score.killed + score.killedByShould + score.survived})`;

const SCORE_HEADERS = [
  'mutants',
  'equivalent',
  'not instantiable',
  'error',
  'killed',
  'killed by should only',
  'survived',
  'score',
  'thorough: killed',
  'by should only',
  'survived',
  'score',
  'with contract: killed',
  'survived',
  'score',
] as const;

function scoreRow(label: string, quick: Score, thorough: Score, contract: Score): string[] {
  return [
    label,
    String(quick.total),
    String(quick.equivalent),
    String(quick.notInstantiable),
    quick.error === thorough.error ? String(quick.error) : `${quick.error} / ${thorough.error}`,
    String(quick.killed),
    String(quick.killedByShould),
    String(quick.survived),
    judged(quick),
    String(thorough.killed),
    String(thorough.killedByShould),
    String(thorough.survived),
    judged(thorough),
    String(contract.killed),
    String(contract.survived),
    judged(contract),
  ];
}

export function scoreTables(report: MutationReport): string {
  const { default: quick, thorough, contract } = report.scores;
  const plugins = report.plugins.map((plugin) =>
    scoreRow(
      plugin.name,
      quick.plugins[plugin.name]!,
      thorough.plugins[plugin.name]!,
      contract.plugins[plugin.name]!,
    ),
  );
  const operators = report.settings.operators.map((operator) =>
    scoreRow(
      operator,
      quick.operators[operator]!,
      thorough.operators[operator]!,
      contract.operators[operator]!,
    ),
  );
  const all = scoreRow('**all**', quick.overall, thorough.overall, contract.overall);
  return [
    '### Per plugin',
    '',
    table(['plugin', ...SCORE_HEADERS], [...plugins, all], 12),
    '',
    '### Per operator',
    '',
    table(['operator', ...SCORE_HEADERS], [...operators, all], 12),
  ].join('\n');
}

const describeDifference = ({ step, field, original, mutant }: Difference): string =>
  `${step}: ${field} ${original} → ${mutant}`;

const exportOf = (difference: Difference): string => /^(\w+)\(/.exec(difference.step)?.[1] ?? '';

/**
 * The other exports' calls a mutant changed too. Each export's run starts with its own load
 * and plugin_info, so a lifecycle difference shows up once per export: it is named once.
 */
const otherExports = (first: Difference, also: readonly Difference[] = []): Difference[] =>
  also.filter((difference) => exportOf(difference) !== '' && difference.step !== first.step);

const differenceText = (mutant: MutantRecord): string => {
  if (mutant.differential.verdict !== 'differs') return '';
  const also = otherExports(mutant.differential.difference, mutant.differential.alsoDiffers).map(
    (difference) => `also ${exportOf(difference)}: ${difference.field}`,
  );
  return [describeDifference(mutant.differential.difference), ...also].join('; ');
};

/** What a survivor changed, in a few words: the operator and the first observable difference. */
export function changeKind(mutant: MutantRecord): string {
  if (mutant.differential.verdict !== 'differs') return mutant.differential.verdict;
  const { difference, alsoDiffers = [] } = mutant.differential;
  const { field, original, mutant: changed, step } = difference;
  const capacity = /capacity \d+ \(([^)]+)\)/.exec(step)?.[1];
  const callee = exportOf(difference);
  const where = step.startsWith('cleanup')
    ? 'cleanup'
    : step.startsWith('memory')
      ? 'memory at the end'
      : step.startsWith('plugin_')
        ? step
        : `${callee}${capacity && capacity !== 'ample' ? ` at capacity ${capacity}` : ''}`;
  const what =
    field === 'outcome'
      ? `${original.split(' (')[0]} → ${changed.split(' (')[0]}`
      : field === 'output_len'
        ? '*output_len differs'
        : field === 'output'
          ? 'output bytes differ'
          : `${field} differs`;
  const also = [...new Set(otherExports(difference, alsoDiffers).map(exportOf))];
  return `${where}: ${what}${also.length ? ` (also changes ${also.join(', ')})` : ''}`;
}

function survivorRows(mutants: readonly MutantRecord[], depth: Depth): string[][] {
  return mutants.map((mutant) => [
    code(mutant.id),
    `${mutant.functionIndex}`,
    `0x${mutant.offset.toString(16)}`,
    mutant.operator,
    `${code(mutant.before)} → ${code(mutant.after)}`,
    differenceText(mutant),
    depth === 'default'
      ? mutant.class.thorough === 'killed'
        ? `killed (${mutant.gate?.thorough?.mustFailed.join(', ') ?? ''})`
        : mutant.class.thorough
      : (mutant.gate?.default.shouldFailed.join(', ') ?? ''),
  ]);
}

function groupRows(mutants: readonly MutantRecord[]): string[][] {
  const groups = new Map<string, { count: number; thorough: number; ids: string[] }>();
  for (const mutant of mutants) {
    const key = `${mutant.operator}\u0000${changeKind(mutant)}`;
    const group = groups.get(key) ?? { count: 0, thorough: 0, ids: [] };
    group.count++;
    if (mutant.class.thorough === 'survived') group.thorough++;
    group.ids.push(`${mutant.plugin} f${mutant.functionIndex}`);
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([key, group]) => {
      const [operator, kind] = key.split('\u0000') as [string, string];
      const where = [...new Set(group.ids)];
      return [operator, kind, String(group.count), String(group.thorough), where.join(', ')];
    });
}

function classRows(survivors: readonly MutantRecord[]): string[][] {
  const classes = new Map<string, { kind: SurvivorClass; quick: number; thorough: number }>();
  for (const mutant of survivors) {
    const kind = survivorClassOf(mutant);
    const entry = classes.get(kind.id) ?? { kind, quick: 0, thorough: 0 };
    entry.quick++;
    if (mutant.class.thorough === 'survived') entry.thorough++;
    classes.set(kind.id, entry);
  }
  return [...classes.values()]
    .sort((a, b) => b.quick - a.quick || a.kind.id.localeCompare(b.kind.id))
    .map(({ kind, quick, thorough }) => [
      `${kind.title} (${kind.id})`,
      String(quick),
      String(thorough),
      kind.why,
      kind.catchWith,
    ]);
}

export function renderMarkdown(report: MutationReport): string {
  const { settings } = report;
  const survivors = report.mutants.filter((mutant) => mutant.class.default === 'survived');
  const thoroughSurvivors = survivors.filter((mutant) => mutant.class.thorough === 'survived');
  const byShould = report.mutants.filter((mutant) => mutant.class.default === 'killed-by-should');
  const errors = report.mutants.filter(
    (mutant) => mutant.class.default === 'error' || mutant.class.thorough === 'error',
  );
  const operatorText = (id: OperatorId) =>
    report.operators.find((operator) => operator.id === id)?.description ?? id;
  const lines = [
    '# Mutation benchmark',
    '',
    'How many behaviour-changing bugs the gate catches in the reference plugins: each mutant is',
    'one plugin with one instruction changed in code the plugin runs. A mutant that behaves like',
    'the original on the differential check (the canned inputs and seeded inputs of several',
    'shapes, at capacities ample, exact, one less, half and zero, at four placements) is presumed',
    'equivalent; every other one goes through the gate (`runConformance`), at the default depth',
    'and, when no must rule failed, at `thorough`. With the contract: the default run, then (when',
    "it did not kill) the declared rules of the plugin's contract (its fixtures and properties, from",
    `\`${report.settings.contracts ?? 'no config'}\`), as the plugin's own repository runs them; a contract`,
    "leaves the ABI rules' cases as they are. Score =",
    'killed / (killed + killed only by should rules + survived).',
    '',
    `Generated by \`npm run bench:mutation\` (${report.tool.name} ${report.tool.version}, ${report.tool.node}, ABI ${report.spec.abi} ${report.spec.version}) on ${report.startedAt}: seed ${settings.seed}, up to ${settings.perOperator} mutants per operator per plugin, coverage by ${settings.coverage}, ${settings.seededInputs} seeded inputs per export, ${settings.jobs} gate runs at a time. It took ${formatDuration(report.durationMs)} (reference runs and sampling ${formatDuration(report.phases.prepareMs)}, differential check ${formatDuration(report.phases.differentialMs)}, gate ${formatDuration(report.phases.gateMs)}).`,
    '',
    '## Score',
    '',
    `Default gate (ABI rules only): **${judged(report.scores.default.overall)}**; thorough: **${judged(report.scores.thorough.overall)}**; default with the contract: **${judged(report.scores.contract.overall)}**; thorough with the contract (killed by the thorough gate or the declared rules, which ran at the default depth: a lower bound): **${judged(scoreOf(report.mutants, thoroughWithContract))}**.`,
    '',
    scoreTables(report),
    '',
    '## Mutants by class',
    '',
    table(
      ['class', 'default', 'thorough', 'with contract'],
      (Object.keys(report.classes.default) as Array<keyof typeof report.classes.default>).map(
        (name) => [
          name,
          String(report.classes.default[name]),
          String(report.classes.thorough[name]),
          String(report.classes.contract[name]),
        ],
      ),
      2,
    ),
    '',
    '## Rules that killed',
    '',
    'A mutant counts for every must rule that failed on it.',
    '',
    table(
      ['rule', 'default', 'thorough', 'with contract'],
      [
        ...new Set([
          ...Object.keys(report.killsByRule.default),
          ...Object.keys(report.killsByRule.thorough),
          ...Object.keys(report.killsByRule.contract),
        ]),
      ]
        .sort()
        .map((rule) => [
          rule,
          String(report.killsByRule.default[rule] ?? 0),
          String(report.killsByRule.thorough[rule] ?? 0),
          String(report.killsByRule.contract[rule] ?? 0),
        ]),
      2,
    ),
    '',
    '## Survivors',
    '',
    `${survivors.length} mutants survived the default gate; ${thoroughSurvivors.length} of them survived \`thorough\` too, and ${survivors.filter((mutant) => mutant.class.contract === 'survived').length} survived the default gate with the contract.`,
    '',
    '### Why they survive',
    '',
    'Each survivor is classed by the first difference the differential check saw; the class says',
    'why the gate passes it and what would catch it (bench/mutation/survivor-classes.ts).',
    '',
    table(
      ['class', 'survived default', 'survived thorough', 'why the gate passes it', 'caught by'],
      classRows(survivors),
      0,
    ),
    '',
    '### Grouped by what they changed',
    '',
    table(
      [
        'operator',
        'first difference the differential check saw',
        'survived default',
        'survived thorough',
        'where',
      ],
      groupRows(survivors),
    ),
    '',
    '### Every survivor of the default gate',
    '',
    table(
      ['mutant', 'function', 'offset', 'operator', 'change', 'first difference', 'thorough'],
      survivorRows(survivors, 'default'),
    ),
    '',
  ];
  if (byShould.length > 0) {
    lines.push(
      '## Killed only by should rules',
      '',
      table(
        ['mutant', 'function', 'offset', 'operator', 'change', 'first difference', 'should rules'],
        survivorRows(byShould, 'thorough'),
      ),
      '',
    );
  }
  if (errors.length > 0) {
    lines.push(
      '## Tool errors',
      '',
      table(
        ['mutant', 'change', 'error'],
        errors.map((mutant) => [
          code(mutant.id),
          `${code(mutant.before)} → ${code(mutant.after)}`,
          [...(mutant.gate?.default.errors ?? []), ...(mutant.gate?.thorough?.errors ?? [])].join(
            '; ',
          ),
        ]),
      ),
      '',
    );
  }
  lines.push(
    '## Sampling',
    '',
    'Sites: where the operator applies in code that ran (in the whole module). Invalid: variants',
    'the engine rejected (skipped). Duplicates: mutants byte-identical to one already taken.',
    '',
    table(
      ['plugin', 'functions ran', 'instructions ran', 'planned calls', ...settings.operators],
      report.plugins.map((plugin) => [
        plugin.name,
        `${plugin.functionsRan.length} / ${plugin.functions}`,
        `${plugin.instructions.ran} / ${plugin.instructions.total}`,
        String(plugin.plannedCalls),
        ...settings.operators.map((operator) => {
          const stats = plugin.sampling[operator];
          if (!stats) return '';
          const skipped = [
            stats.invalid ? `${stats.invalid} invalid` : '',
            stats.duplicates ? `${stats.duplicates} dup` : '',
          ].filter(Boolean);
          return `${stats.sampled} of ${stats.sites} (${stats.sitesInModule})${skipped.length ? `, ${skipped.join(', ')}` : ''}`;
        }),
      ]),
    ),
    '',
    '## Operators',
    '',
    table(
      ['operator', 'what it changes'],
      settings.operators.map((operator) => [operator, operatorText(operator)]),
    ),
    '',
  );
  return lines.join('\n');
}

/** The README's part: the score, per plugin, and why the survivors survive. */
export function renderReadmeMutation(report: MutationReport): string {
  const { default: quick, thorough } = report.scores;
  // A report written before the contract depth existed has no contract scores.
  const contract = (report.scores as Partial<typeof report.scores>).contract;
  const withContract = (score: Score | undefined): string =>
    score ? judged(score) : 'not measured';
  const survivors = report.mutants.filter((mutant) => mutant.class.default === 'survived');
  const ofPlugin = (name: string) => report.mutants.filter((mutant) => mutant.plugin === name);
  const thoroughContract = (mutants: readonly MutantRecord[]): string =>
    contract ? judged(scoreOf(mutants, thoroughWithContract)) : 'not measured';
  return [
    `Default gate, ABI rules only: **${judged(quick.overall)}** of the non-equivalent mutants killed; \`--thorough\`: **${judged(thorough.overall)}**. With each plugin's declared contract (fixtures and properties, [reference-plugins/zenith-conform.config.json](reference-plugins/zenith-conform.config.json)): default **${withContract(contract?.overall)}**, thorough **${thoroughContract(report.mutants)}** (killed by the thorough gate or by the declared rules, which ran at the default depth). ${report.mutants.length} mutants of ${report.plugins.length} reference plugins, seed ${report.settings.seed}, ${report.startedAt.slice(0, 10)}; the whole report: [reports/mutation/report.md](reports/mutation/report.md).`,
    '',
    table(
      ['plugin', 'default', 'thorough', 'default with contract', 'thorough with contract'],
      report.plugins.map((plugin) => [
        plugin.name,
        judged(quick.plugins[plugin.name]!),
        judged(thorough.plugins[plugin.name]!),
        withContract(contract?.plugins[plugin.name]),
        thoroughContract(ofPlugin(plugin.name)),
      ]),
    ),
    '',
    table(
      ['survivors of the default gate', 'default', 'thorough', 'caught by'],
      classRows(survivors).map(([title, count, deeper, , catchWith]) => [
        title!,
        count!,
        deeper!,
        catchWith!,
      ]),
    ),
  ].join('\n');
}
