/**
 * What a supervised worker says to its supervisor besides its own messages: which thread it is
 * (for CPU-time deadlines), and that it is done. The supervisor handles these itself; every
 * other message goes to the caller.
 */
export type SupervisorNotice = { type: 'zc:thread'; tid: number | undefined } | { type: 'zc:done' };

export const isSupervisorNotice = (message: unknown): message is SupervisorNotice =>
  typeof message === 'object' &&
  message !== null &&
  ((message as { type?: unknown }).type === 'zc:thread' ||
    (message as { type?: unknown }).type === 'zc:done');
