/**
 * What a supervised worker says to its supervisor besides its own messages: that a call had to
 * be stopped from inside (the host saw memory past the limit after the call returned), or that
 * it is done. The supervisor handles these itself; every other message goes to the caller.
 */
export type SupervisorNotice =
  | { type: 'zc:stopped'; reason: 'memory-bomb'; exportName: string; detail: string }
  | { type: 'zc:done' };

export const isSupervisorNotice = (message: unknown): message is SupervisorNotice =>
  typeof message === 'object' &&
  message !== null &&
  ((message as { type?: unknown }).type === 'zc:stopped' ||
    (message as { type?: unknown }).type === 'zc:done');
