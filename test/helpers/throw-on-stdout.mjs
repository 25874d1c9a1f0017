// Preloaded with `node --import` by test/cli-hardening.test.ts: writing to stdout throws, as a
// bug of ours would, to show how the bin reports an error it did not expect.
process.stdout.write = () => {
  throw new Error('stdout is on fire\nsecond line of the message');
};
