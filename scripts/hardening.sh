#!/usr/bin/env bash
# The hardening suite (issue 4): every bad input of tests/bad_input.rs, the
# property tests of tests/properties.rs with many random cases, and the two
# large cases that need a release build (a 50 MB article; extraction time
# growing linearly on pathological lines). Then the largest input once more
# through the binary, with its wall time and peak memory.
#
#   scripts/hardening.sh                  # 10,000 random cases per property
#   PROPTEST_CASES=100000 scripts/hardening.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export PROPTEST_CASES=${PROPTEST_CASES:-10000}
log=$(mktemp)
trap 'rm -rf "$log" "${tmp:-}"' EXIT

echo "== bad inputs and properties ($PROPTEST_CASES random cases per property), release build"
cargo test --release --test bad_input --test properties -- --include-ignored 2>&1 | tee "$log"
passed=$(awk '/^test result:/ {s += $4} END {print s}' "$log")
echo "== $passed tests passed"

echo "== largest input: one 50 MB article"
cargo build --release -q
tmp=$(mktemp -d)
paragraph="Mayor Dana Ortiz said on Monday, March 4, 2024, that repairs to the Riverton Bridge \
would cost \$2.5 million. The Department of Transportation said nearly 12,000 vehicles cross it \
each day, and that 40 workers would start on Tuesday."
# (yes ends on SIGPIPE once head has enough: not a failure)
{ yes "$paragraph" || true; } | head -c $((50 << 20)) >"$tmp/huge.txt"
echo "- huge.txt" >"$tmp/INDEX.md"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "50 MB article: %e s wall, %M KB peak resident memory" \
    target/release/corpus-cli extract "$tmp" --format ndjson >/dev/null
else
  time target/release/corpus-cli extract "$tmp" --format ndjson >/dev/null
fi
