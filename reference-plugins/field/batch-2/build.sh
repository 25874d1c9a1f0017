#!/bin/sh
# Builds batch 2 of the field plugins (src/) into dist/: C with Debian's clang-14 and wasi-libc
# (a reactor, the ABI's exports by name), WAT with the repository's wabt, Rust with Debian's
# rustc 1.63 for wasm32-wasi (one file a plugin, std, no cargo). Run from anywhere.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
wat2wasm="$here/../../../node_modules/.bin/wat2wasm"
cd "$here/src"
mkdir -p ../dist
for f in *.c; do n=${f%.c}
  clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor -nostartfiles -Wl,--no-entry \
    -Wl,--export=process -Wl,--export=plugin_info -Wl,--export-if-defined=plugin_version \
    -Wl,--export-if-defined=init -Wl,--export-if-defined=cleanup -Wl,--export-if-defined=alloc \
    -Wl,--export-if-defined=dealloc -Wl,--strip-all -o "../dist/$n.wasm" "$f"
done
for f in *.wat; do n=${f%.wat}; "$wat2wasm" "$f" -o "../dist/$n.wasm"; done
for f in *.rs; do n=${f%.rs}
  /usr/bin/rustc --edition 2021 --crate-type cdylib --target wasm32-wasi -C opt-level=z -C panic=abort \
    -C lto -C strip=symbols -C codegen-units=1 -o "../dist/$n.wasm" "$f"
done
