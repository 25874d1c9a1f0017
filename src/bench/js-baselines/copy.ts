/** What a JavaScript host would write instead of an echo plugin: copy the input into the output. */
export function copyJs(input: Uint8Array, output: Uint8Array): number {
  output.set(input);
  return input.length;
}
