#!/usr/bin/env bash
# Runs the whole test suite with the clock of every process (Node, the vitest workers, DynamoDB
# Local's Java) shifted by libfaketime: proof that no test and no code depends on today's date.
#   npm run test:timeshift              # +400 days
#   npm run test:timeshift -- -60d      # any offset faketime takes: -60d, +3y, +12h
set -euo pipefail
cd "$(dirname "$0")/.."
offset="${1:-+400d}"
if ! command -v faketime >/dev/null 2>&1; then
  echo "test:timeshift needs faketime (Debian/Ubuntu: apt-get install faketime)" >&2
  exit 2
fi
echo "Test suite with the clock shifted by $offset: it is now $(faketime -f "$offset" date -u '+%Y-%m-%d %H:%M UTC') for it"
exec faketime -f "$offset" node_modules/.bin/vitest run
