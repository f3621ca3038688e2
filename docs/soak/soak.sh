#!/usr/bin/env bash
# Soak test of conceptmap serve: builds the binary, starts `conceptmap serve`
# on a free port, sends it REQUESTS distinct map requests (neighbourhoods of
# every concept at depths 1-3, in en, zh and both, with and without relation
# filters, then plans), CLIENTS at a time, in blocks of 20, each followed by
# some of its views again in the dark and print themes and as PNG and PDF
# downloads (those up to depth 2). It checks every answer (status 200,
# well-formed SVG holding the focused concept's node, a PNG, a whole PDF),
# reports the layouts and cache hits of each kind of request, and the peak
# resident memory (VmHWM) of the server and of its largest render worker.
# It fails if either passes 300 MB or any answer is wrong.
#
#   docs/soak/soak.sh [REQUESTS [CLIENTS]]      # default 2000 4
set -euo pipefail
cd "$(dirname "$0")/../.."
CONCEPTMAP_SOAK=1 CONCEPTMAP_SOAK_REQUESTS="${1:-2000}" CONCEPTMAP_SOAK_CLIENTS="${2:-4}" \
  go test ./cmd/conceptmap/internal/server -run '^TestServeSoak$' -count=1 -v -timeout 30m |
  sed -n 's/^ *soak_test.go:[0-9]*: //p; /^\(ok\|FAIL\|--- \)/p'
