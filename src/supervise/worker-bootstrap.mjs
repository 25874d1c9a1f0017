// Runs the check worker from TypeScript sources (under vitest or tsx), where Node cannot load
// worker-main.ts by itself: tsx's loader must be registered inside the worker thread.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker-main.ts', import.meta.url).href);
