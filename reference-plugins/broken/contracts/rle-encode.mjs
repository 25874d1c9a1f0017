// The run-length encoding a (count, byte) encoder must give: each run of equal bytes as pairs
// of at most 255, so that a run of 300 is (255, b) (45, b). The reference for the field plugin
// rle-encode, whose counts wrap instead (ZC-PROP-010).
export default function rleEncode(input) {
  const out = [];
  for (let i = 0; i < input.length;) {
    let run = 1;
    while (i + run < input.length && input[i + run] === input[i] && run < 255) run++;
    out.push(run, input[i]);
    i += run;
  }
  return Uint8Array.from(out);
}
