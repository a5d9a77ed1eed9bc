#!/usr/bin/env bash
# Sets up a Debian machine and runs every test: unit and UI tests of all
# packages, the pure-Go build of the command line, and the GUI smoke test
# under Xvfb, the Windows cross-build and its smoke test under Wine
# (screenshots land in ci-artifacts/screenshots/). JUNHENG_SKIP_WINDOWS=1
# leaves out the Windows part (~7 minutes on a cold cache).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted" >&2; exit 1; fi
echo "== go vet"
go vet ./...
echo "== junheng-cli builds without cgo"
CGO_ENABLED=0 go build -o /dev/null ./cmd/junheng-cli
echo "== go test"
go test -count=1 ./...
echo "== whole-pipeline fuzz (bounded)"
go test -run='^$' -fuzz=FuzzPipeline -fuzztime=45s -fuzzminimizetime=10x ./cmd/junheng-cli
if [ -x scripts/gui-smoke.sh ]; then
  echo "== GUI smoke test"
  scripts/gui-smoke.sh
fi
if [ "${JUNHENG_SKIP_WINDOWS:-}" != 1 ]; then
  echo "== Windows build and smoke test under Wine"
  scripts/build-windows.sh
  scripts/windows-smoke.sh
fi
