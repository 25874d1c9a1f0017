import type { CapturedText } from './capture.js';
import { PluginInstance, type InstanceOptions } from './plugin-instance.js';
import type { PluginModule } from './plugin-module.js';
import type { HostStopReason } from './traps.js';

export type SetupStage = 'link' | 'start' | '_initialize' | 'init';

export type PluginSetup =
  | { ok: true; instance: PluginInstance; initCode: number | undefined }
  | {
      ok: false;
      stage: SetupStage;
      message: string;
      output: CapturedText;
      /** Set when the host stopped the stage itself (memory past the limit, a log flood). */
      stopped?: HostStopReason;
    };

/**
 * The host's load sequence: instantiate, `_initialize` when exported (WASI reactors run static
 * constructors there), then `init` when exported. A non-zero init is returned, not treated as
 * a failure here, so that checks other than ZC-LIFE-002 can still run on the instance.
 */
export function startPlugin(
  module: PluginModule,
  options: InstanceOptions,
  { runInit = true }: { runInit?: boolean } = {},
): PluginSetup {
  const created = PluginInstance.instantiate(module, options);
  if (!created.ok) return created;
  const { instance } = created;
  const stages: Array<'_initialize' | 'init'> = runInit ? ['_initialize', 'init'] : ['_initialize'];
  let initCode: number | undefined;
  for (const stage of stages) {
    if (!instance.hasFunction(stage)) continue;
    const outcome = instance.call(stage);
    if (outcome.kind !== 'returned') {
      const message =
        outcome.kind === 'trapped'
          ? outcome.message
          : outcome.kind === 'stopped'
            ? outcome.detail
            : outcome.reason;
      return {
        ok: false,
        stage,
        message,
        output: instance.capture.snapshot(),
        ...(outcome.kind === 'stopped' ? { stopped: outcome.reason } : {}),
      };
    }
    if (stage === 'init') initCode = outcome.value;
  }
  return { ok: true, instance, initCode };
}

export function describeSetupFailure(setup: Extract<PluginSetup, { ok: false }>): string {
  const where =
    setup.stage === 'link'
      ? 'linking the module'
      : setup.stage === 'start'
        ? 'its start function'
        : `\`${setup.stage}\``;
  return `the plugin could not be started: ${where} failed: ${setup.message}`;
}
