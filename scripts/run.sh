#!/usr/bin/env bash
# Sets up a Debian machine, builds the desktop program and opens the bundled
# demo county (义马市). The first build compiles Fyne's OpenGL code: ~4 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
mkdir -p bin
go build -o bin/junheng ./cmd/junheng
exec bin/junheng --demo "$@"
