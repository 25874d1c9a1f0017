import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import type { ZenithAbiSpec } from './abi-types.generated.js';

export const SPEC_FILE = 'spec/zenith-abi.v1.json';

let cached: ZenithAbiSpec | undefined;

/** The ABI spec shipped with this package: the single source every check reads its facts from. */
export function loadSpec(): ZenithAbiSpec {
  cached ??= JSON.parse(readFileSync(join(packageRoot(), SPEC_FILE), 'utf8')) as ZenithAbiSpec;
  return cached;
}
