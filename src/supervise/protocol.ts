/**
 * What a supervised worker says to its supervisor besides its own messages: which thread it is
 * (for CPU-time deadlines), that it is done, and when it starts and ends host-side work (input
 * generation, copying buffers) that the overall deadline must not count as the plugin's. The
 * supervisor handles these itself; every other message goes to the caller.
 */
export type SupervisorNotice =
  | { type: 'zc:thread'; tid: number | undefined }
  | { type: 'zc:done' }
  | { type: 'zc:host-work'; busy: boolean };

const NOTICES: ReadonlySet<unknown> = new Set(['zc:thread', 'zc:done', 'zc:host-work']);

export const isSupervisorNotice = (message: unknown): message is SupervisorNotice =>
  typeof message === 'object' &&
  message !== null &&
  NOTICES.has((message as { type?: unknown }).type);
