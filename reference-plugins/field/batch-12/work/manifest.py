import json
B = "reference-plugins/field/batch-12"
def e(name, lang, group, job, bug, trigger):
    ext = {"c": "c", "wat": "wat"}[lang]
    return {"name": name, "language": lang, "source": f"{B}/src/{name}.{ext}", "dist": f"{B}/dist/{name}.wasm",
            "group": group, "job": job, "bug": bug, "trigger": trigger}
m = [
 e("c12-csv-cut", "c", "buggy",
   "The first column of RFC 4180 CSV, one value per LF-terminated line, quotes removed (\"id,name\\n1,\\\"Smith, J\\\"\\n\" -> \"id\\n1\\n\"); -1 for a bad or unterminated quote, -3 with the exact size; no heap, no imports, no state.",
   "A capacity of 0 is treated as a validate-only query (\"hosts probe with capacity 0 before they size a buffer\"): after validating the input, process returns 0 with *output_len 0 instead of -3 with the needed size, so a host's size query for any valid input with a non-empty first column gets an empty success (\"id,name\\n1,x\\n\" with --cap 0: rc 0, *output_len 0; with --cap 2: rc -3 naming 5). Every capacity from 1 up, and the empty input, are right. Shown with try.mjs --cap 0.",
   "id,name\n1,x\n"),
 e("c12-hex-encode", "c", "buggy",
   "Lowercase hex of any bytes (\"Zen\" -> \"5a656e\"); every input accepted, -3 names 2n; exports alloc/dealloc (malloc/free below 64 KiB, whole pages from memory.grow from 64 KiB up, 0 above 192 MiB); no imports, no state.",
   "alloc gives blocks of 64 KiB and more whole pages of their own from memory.grow (\"so big buffers do not fragment the heap\"), and dealloc of such a block does nothing (\"wasm memory cannot shrink\"), although the pages could be reused for the next big block: every call with an input or an output capacity of 64 KiB or more leaks its big blocks. A host that allocs input, output and cell and deallocs them after each call grows memory by about the big blocks' size per call: 200 calls with a 40000-byte input (capacity 80000) take memory from 128 KiB to 25 MiB, while 1000-byte inputs stay at 128 KiB (work/host.mjs hex-encode-leak; try.mjs --calls 4 rep:40000:a shows memory 320 KiB, 512 KiB, 704 KiB, 896 KiB). Every output is right.",
   None),
 e("c12-int-normalize", "c", "buggy",
   "One signed 64-bit integer per line back in canonical form (\" +0042\\n-7\\n0000\\n\" -> \"42\\n-7\\n0\\n\"); blanks/CR around, blank lines dropped; -1 for a non-number or a value outside int64, -3 with the exact size; strtoll on a NUL-terminated copy of each line; no heap, no imports.",
   "Overflow is detected with `if (errno == ERANGE) return -1` after strtoll, but errno is never set to 0 first, and strtoll only sets it on overflow: after one call with an out-of-range number (\"99999999999999999999\", correctly -1) errno stays ERANGE for the life of the instance, so every later call with any number returns -1 (\"42\" gives rc 0 on a fresh instance, -1 after that call). Inputs with no number lines (the empty input) still give 0. Shown with try.mjs calling \"42\", \"99999999999999999999\", \"42\" on one instance.",
   "99999999999999999999"),
 e("c12-latin1-utf8", "c", "correct-unusual",
   "ISO-8859-1 to UTF-8 (hex:636166e9 -> \"café\"); every input accepted, output n plus one byte per byte >= 0x80, -3 with the exact size; exports alloc/dealloc (malloc/free, alloc(0) a fixed dangling pointer, 0 above 192 MiB); no imports, no init, no state.",
   "none: alloc(0) returns the constant 0xFFFFFFF0, far past the end of memory, which ABI.md allows (\"alloc(0) may return any value\": the host passes it as an empty buffer and never reads or writes through it), and dealloc of a size-0 block does nothing; process never touches a zero-length buffer, so the empty input at that pointer gives rc 0 with an empty output and capacity 0 at that pointer gives -3 naming the size (or rc 0 when the output is empty too) (work/host.mjs latin1-alloc0). Other blocks are malloc's, 16-aligned, and non-overlapping; malloc is only reached through alloc. Checked against Buffer's latin1 -> utf8 at alloc'd placements and capacities 0, exact, exact-1, +7, 4096 (work/host.mjs latin1-fuzz, 5000 cases, 0 failures).",
   None),
 e("c12-num-fixed", "c", "buggy",
   "Decimal numbers one per line rewritten with two decimals by printf's %.2f (\"3.14159\\n1e3\\n\" -> \"3.14\\n1000.00\\n\"); blanks/CR around and blank lines ignored, -1 for what strtod does not take whole, inf/nan or a line over 63 bytes; -3 with the exact size (measured with snprintf(NULL, 0)); imports only WASI fd_write/fd_seek/fd_close (linked by stdio, never called); no heap.",
   "Each line is written with snprintf(out + o, cap - o, \"%.2f\\n\", v), and the guard is `w > room`, forgetting that snprintf needs room for its NUL: when the capacity is exactly the needed size (what -3 names, so the host's retry), the last line does not fit with its NUL, snprintf writes it truncated with a 0x00 in place of its final LF, and process returns 0 with *output_len the full size. \"2.5\\n1\" with capacity 3 gives -3 naming 10, and the retry at 10 gives 322e35300a312e303000 instead of 322e35300a312e30300a (try.mjs --cap 3 --retry; work/host.mjs num-fixed-exact). Any larger capacity is right; nothing is written outside the buffer.",
   "2.5\n1"),
 e("c12-shuffle-lines", "c", "buggy",
   "Shuffles the lines into a reproducible pseudo-random order (Fisher-Yates with the C library's rand()) for train/validation splits; a last line without LF gets one, output n or n+1 bytes, -3 with that size; any bytes accepted; exports init/cleanup and alloc/dealloc (malloc/free, 0 above 192 MiB), line index malloc'd per call; no imports.",
   "The fixed seed is set once, by srand() in init(), not at the start of each call, so the rand() sequence carries on from call to call: the same input gives a different order on every call of an instance (\"a\\nb\\nc\\nd\\ne\\nf\\n\" gives e b f a c d, then f a e c d b, ...), though each fresh instance repeats the same sequence (try.mjs --instances 2 --calls 2). One call per instance looks deterministic.",
   "a\nb\nc\nd\ne\nf\n"),
 e("w12-hex-decode", "wat", "buggy",
   "Hex text to bytes, digits of either case, ASCII whitespace skipped anywhere (\"de ad\\nBE EF\" -> hex:deadbeef); -1 for another byte or an odd digit count, -3 with digits/2; no imports, no heap, no state.",
   "On -3 the needed size is stored with `(i32.store (local.get $out) ...)`, at the output pointer instead of the length cell: the cell keeps the capacity, so every -3 names a size below what is needed (a host retrying with it gets -3 again, for ever), and the 4-byte store goes to the output buffer, 1 to 3 bytes past it when the capacity is below 4. \"48656c6c6f\" with capacity 2: rc -3, *output_len 2, 2 bytes written past the buffer; with capacity 4: -3 naming 4, and the retry at 4 the same (try.mjs --cap 2, --cap 4 --retry). Capacities that fit are right.",
   "48656c6c6f"),
 e("w12-line-rev", "wat", "buggy",
   "The lines in reverse order, like tac (\"a\\nb\\nc\\n\" -> \"c\\nb\\na\\n\"); a last line without LF gets one, -3 with n or n+1; line-start table static for up to 4096 lines, else pages the module grows once and keeps in a global; -2 if memory.grow is refused; no imports, no alloc.",
   "For more than 4096 lines the table address is taken straight from memory.grow's result, which is the old size in pages, not in bytes (the `i32.shl 16` is missing): the table is written from address 1, 2, 3... (the page count) upward, over the plugin_info string at 16 and, past 16380 lines, over the host's pages above 64 KiB. 5000 lines give the right output but plugin_info reads \"\" afterwards; 20000 lines modify the host's input (try.mjs: !! input was modified) and, with the output placed first in the host's page, trap (work/host.mjs line-rev-info). Up to 4096 lines everything is right.",
   None),
 e("w12-utf8-check", "wat", "correct-unusual",
   "A gate for well-formed UTF-8 (Unicode Table 3-7, as TextDecoder fatal): rc 0 with an empty output for valid text, -1 otherwise (hex:c0af, hex:eda080, hex:f4908080, hex:e282); memory declared (memory 1 65536); no imports, no alloc, no state.",
   "none: the output is always empty: rc 0 with *output_len 0 (the cell is stored) for valid input, -1 for invalid, -3 never (nothing ever needs room, so no capacity is below the needed 0), and the output buffer is never read or written, so capacity 0 and an output pointer 0 work; the memory declares a maximum of 65536 pages, the most a 32-bit memory can have, so it takes no room from the host's buffers; every sequence is bounds-checked before its bytes are loaded, so an input ending at the end of memory is fine. Checked against TextDecoder({fatal: true}) with the input at the end of memory in half the cases and capacities 0/1/64 (work/host.mjs utf8-check-fuzz, 3000 cases, 0 failures).",
   None),
 e("w12-wc", "wat", "buggy",
   "Counts lines (LF), words (runs of non-ASCII-whitespace) and bytes as one line \"<lines> <words> <bytes>\\n\" (\"hello world\\nbye\\n\" -> \"2 3 16\\n\"); any bytes accepted, -3 with the exact size; imports env.host_log and logs one line \"wc: <bytes> bytes, <lines> lines\" per successful call; no heap, no state.",
   "The log message is assembled in the output buffer right after the result (\"bytes past *output_len are scratch\", as ABI.md says) and logged from there, but without checking that the capacity has room for it: whenever the capacity is less than the result plus the message (about 20 to 40 bytes), including exactly the needed size, the message is written past the buffer and rc is 0. \"hello world\\nbye\\n\" at capacity 7 writes 21 bytes from the end of the output on (try.mjs --cap 7: !! wrote past the output capacity; try.mjs puts the cell 13 bytes after the buffer, so the message also overwrites *output_len there). With try.mjs's default capacity (4n + 1024) everything is right.",
   "hello world\nbye\n"),
]
json.dump(m, open("manifest.json", "w"), indent=2, ensure_ascii=False)
open("manifest.json", "a").write("\n")
print(len(m))
