// Runs a worker from TypeScript sources (under vitest or tsx), where Node cannot load a .ts
// entry by itself: tsx's loader must be registered inside the worker thread first. Built
// workers (dist/, .js) are started on their entry directly and never come here.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
