import type { CheckContext } from '../../src/check/context.js';

export function importsFunction(ctx: CheckContext, module: string, name: string): boolean {
  return (
    ctx.compiled.ok &&
    ctx.compiled.info.imports.some(
      (entry) => entry.module === module && entry.name === name && entry.kind === 'function',
    )
  );
}
