#!/bin/sh
# Builds batch 13 of the field plugins (src/) into dist/: see ../build-batch.sh. Run from anywhere.
exec sh "$(dirname "$0")/../build-batch.sh" "$(dirname "$0")"
