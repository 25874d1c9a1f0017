#!/bin/sh
# Builds one batch of field plugins (<batch>/src) into <batch>/dist: C with clang-14 + wasi-libc,
# Rust with Debian's rustc 1.63 (one file, std, no cargo), WAT with the repository's wat2wasm,
# AssemblyScript with the pinned compiler in assemblyscript/ (npm ci there first).
# Usage: build-batch.sh <batch directory>
set -e
field="$(cd "$(dirname "$0")" && pwd)"
here="$(cd "$1" && pwd)"
wat2wasm="$field/../../node_modules/.bin/wat2wasm"
asc="$field/assemblyscript/node_modules/.bin/asc"
cd "$here/src"; mkdir -p ../dist
for f in *.c; do [ -e "$f" ] || continue; n=${f%.c}
  clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor -nostartfiles -Wl,--no-entry \
    -Wl,--export=process -Wl,--export=plugin_info -Wl,--export-if-defined=plugin_version \
    -Wl,--export-if-defined=init -Wl,--export-if-defined=cleanup -Wl,--export-if-defined=alloc \
    -Wl,--export-if-defined=dealloc -Wl,--strip-all -o "../dist/$n.wasm" "$f"
done
for f in *.wat; do [ -e "$f" ] || continue; n=${f%.wat}; "$wat2wasm" "$f" -o "../dist/$n.wasm"; done
for f in *.rs; do [ -e "$f" ] || continue; n=${f%.rs}
  /usr/bin/rustc --edition 2021 --crate-type cdylib --target wasm32-wasi -C opt-level=z -C panic=abort \
    -C lto -C strip=symbols -C codegen-units=1 -o "../dist/$n.wasm" "$f"
done
for f in *.ts; do [ -e "$f" ] || continue; n=${f%.ts}
  # a first-line comment "//asc: <flags>" adds flags (e.g. --runtime stub)
  flags=$(sed -n '1s/^\/\/asc: //p' "$f")
  "$asc" "$f" -O $flags --use abort=$n/abortHandler -o "../dist/$n.wasm"
done
