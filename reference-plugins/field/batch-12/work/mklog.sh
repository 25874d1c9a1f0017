#!/bin/bash
# regenerates try-log.md (run from DIR)
T="node /work/main/reference-plugins/field/try.mjs"
run() { echo '```'; echo "\$ $1"; eval "$1" 2>&1 | cut -c1-400; echo '```'; echo; }
{
echo "# try-log: batch 12, C and WAT plugins"
echo
echo "Commands run from this directory (\`T\` is \`node /work/main/reference-plugins/field/try.mjs\`; \`work/host.mjs\` is a small host of plain Node WebAssembly calls; long output lines cut at 400 characters)."
echo
echo "## c12-int-normalize (buggy: errno never reset before strtoll)"
run '$T dist/c12-int-normalize.wasm --quiet "42" "99999999999999999999" "42" " +0042"'
echo "The first \"42\" is right; after one out-of-range line every later call on the instance is -1. A fresh instance is fine:"
run '$T dist/c12-int-normalize.wasm --quiet $'"'"' +0042\n-7\n0000\n-9223372036854775808\n'"'"''
echo "## c12-shuffle-lines (buggy: srand only in init)"
run '$T dist/c12-shuffle-lines.wasm --quiet --instances 2 --calls 2 $'"'"'a\nb\nc\nd\ne\nf\n'"'"''
echo "Each instance gives the same sequence of orders (fixed seed), but the second call on an instance differs from the first."
echo "## c12-csv-cut (buggy: capacity 0 is taken as a validate-only query)"
run '$T dist/c12-csv-cut.wasm --quiet $'"'"'id,name\n1,"Smith, J"\n2,x\n'"'"' '"'"'"abc'"'"''
run '$T dist/c12-csv-cut.wasm --quiet --cap 0 $'"'"'id,name\n1,x\n'"'"''
run '$T dist/c12-csv-cut.wasm --quiet --cap 2 $'"'"'id,name\n1,x\n'"'"''
echo "Capacity 2 gives -3 naming 5, capacity 0 gives rc 0 with an empty output (should be -3 naming 5)."
echo "## c12-hex-encode (buggy: alloc's page blocks are never given back)"
run '$T dist/c12-hex-encode.wasm --quiet Zen hex:00ff'
run 'node work/host.mjs hex-encode-leak'
run '$T dist/c12-hex-encode.wasm --quiet --calls 4 rep:40000:a | grep -o "call [0-9]*: rc=[-0-9]*\|memory=[0-9]*" | paste - -'
echo "## c12-num-fixed (buggy: snprintf's NUL at exactly the needed capacity)"
run '$T dist/c12-num-fixed.wasm --quiet $'"'"'3.14159\n2\n-0.005\n1e3\n'"'"''
run '$T dist/c12-num-fixed.wasm --quiet --cap 3 --retry $'"'"'2.5\n1'"'"''
run 'node work/host.mjs num-fixed-exact'
echo "The retry at the size -3 named returns 0, but the last byte is 00 instead of 0a."
echo "## c12-latin1-utf8 (correct-unusual)"
run '$T dist/c12-latin1-utf8.wasm --alloc-test hex:636166e9 plain "" hex:ff80'
run 'node work/host.mjs latin1-alloc0'
run 'node work/host.mjs latin1-fuzz'
echo "## w12-hex-decode (buggy: -3 stores the needed size at the output pointer)"
run '$T dist/w12-hex-decode.wasm --quiet 48656c6c6f $'"'"'de ad\nBE EF'"'"' 4g abc'
run '$T dist/w12-hex-decode.wasm --quiet --cap 2 48656c6c6f'
run '$T dist/w12-hex-decode.wasm --quiet --cap 4 --retry 48656c6c6f'
echo "## w12-wc (buggy: the log line is built in the output tail without a room check)"
run '$T dist/w12-wc.wasm --quiet $'"'"'hello world\nbye\n'"'"' "no newline" ""'
run '$T dist/w12-wc.wasm --quiet --cap 7 $'"'"'hello world\nbye\n'"'"''
echo "At the exact capacity (7) the 21-byte log message is written after the result, past the buffer (try.mjs puts the length cell 13 bytes after the buffer, so the message also lands on the cell, hence the wild *output_len)."
echo "## w12-line-rev (buggy: memory.grow's page number used as the table address)"
run '$T dist/w12-line-rev.wasm --quiet $'"'"'a\nb\nc\n'"'"' $'"'"'one\ntwo'"'"''
run 'node work/host.mjs line-rev-info'
run '$T dist/w12-line-rev.wasm --quiet @work/lines20000.txt | grep -o "rc=[-0-9]* \\*output_len=[0-9]*\\|!!.*"'
echo "work/lines20000.txt holds the lines 0 to 19999, one per line (108890 bytes)."
echo "## w12-utf8-check (correct-unusual)"
run '$T dist/w12-utf8-check.wasm "héllo 😀" "" hex:ff hex:c0af hex:eda080 hex:f4908080 hex:e282 hex:efbbbf61'
run '$T dist/w12-utf8-check.wasm --quiet --cap 0 "abc"'
run 'node work/host.mjs utf8-check-fuzz'
} > try-log.md
