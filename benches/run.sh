#!/usr/bin/env bash
# Benchmark corpus-cli against the floors that hold on any machine: `cat` of
# the corpus, and ripgrep counting capitalised name pairs. Prints a Markdown
# table: wall time, throughput and peak memory, one thread and all cores.
#
#   benches/run.sh              # 10 MB and 100 MB corpora
#   SIZES="10 100 1024" benches/run.sh
#
# Corpora are built once under $BENCH_DIR (default /tmp/corpus-cli-bench)
# with ../shared/bench/make_corpus.py and reused afterwards; ripgrep is
# built once with `cargo install` into $BENCH_DIR/tools (RG=/path/to/rg to
# use another).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10 100"}
BENCH_DIR=${BENCH_DIR:-/tmp/corpus-cli-bench}
MAKE_CORPUS=${MAKE_CORPUS:-../shared/bench/make_corpus.py}
CORES=$(nproc)

need() { command -v "$1" >/dev/null 2>&1; }
install() {
  if need apt-get; then
    (apt-get update -qq && apt-get install -y -qq "$@") >/dev/null 2>&1 || true
  fi
}
# The baseline is a current ripgrep: built once with cargo into the bench
# directory (distributions ship old ones, which are slower), else the one
# on PATH, else the distribution's.
TOOLS=$BENCH_DIR/tools
RG=${RG:-}
if [ -z "$RG" ]; then
  if [ ! -x "$TOOLS/bin/rg" ] && need cargo; then
    echo "building ripgrep into $TOOLS (once)" >&2
    cargo install --quiet --locked ripgrep --root "$TOOLS" >&2 || true
  fi
  if [ -x "$TOOLS/bin/rg" ]; then
    RG=$TOOLS/bin/rg
  else
    need rg || install ripgrep
    RG=$(command -v rg || true)
  fi
fi
[ -x /usr/bin/time ] || install time
[ -n "$RG" ] || { echo "ripgrep is needed (cargo install ripgrep)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)" >&2; exit 2; }

cargo build --release -q
BIN=$PWD/target/release/corpus-cli
mkdir -p "$BENCH_DIR"

# measure LABEL THREADS MB COMMAND...: one row, from GNU time's report
measure() {
  local label=$1 threads=$2 mb=$3; shift 3
  local report
  report=$(mktemp)
  /usr/bin/time -v -o "$report" "$@" >/dev/null 2>/dev/null || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$report")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$report")
  rm -f "$report"
  LAST_WALL=$wall
  awk -v l="$label" -v t="$threads" -v w="$wall" -v m="$mb" -v r="$rss" \
    'BEGIN { printf "| %s | %s | %.2f | %.1f | %s |\n", l, t, w, (w > 0 ? m / w : 0), r }'
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "corpus-cli $($BIN --version | cut -d' ' -f2) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), $("$RG" --version | head -1), $(rustc --version | cut -d' ' -f1-2)"
echo "CPU: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
for size in $SIZES; do
  dir="$BENCH_DIR/c$size"
  if [ ! -f "$dir/INDEX.md" ]; then
    python3 "$MAKE_CORPUS" --out "$dir" --size-mb "$size" --seed 1 >/dev/null 2>&1
  fi
  mb=$(du -sm --apparent-size "$dir" | cut -f1)
  files=$(grep -c '\.txt |' "$dir/INDEX.md" || true)
  echo
  echo "### ${size} MB corpus ($files articles, $mb MB on disk)"
  echo
  echo "| command | threads | wall s | MB/s | peak RSS MB |"
  echo "|---|---|---|---|---|"
  # every run reads the corpus from the page cache: a first read warms it
  find "$dir" -name '*.txt' -print0 | xargs -0 cat > /dev/null
  # cat does not care about threads: one process reads every file
  measure "cat (read floor)" 1 "$mb" sh -c "find '$dir' -name '*.txt' -print0 | xargs -0 cat > /dev/null"
  declare -A wall=()
  for t in 1 "$CORES"; do
    measure "rg -c name pairs" "$t" "$mb" "$RG" -j "$t" -c '\b[A-Z][a-z]+ [A-Z][a-z]+\b' "$dir"
    wall[rg$t]=$LAST_WALL
    measure "extract --format ndjson" "$t" "$mb" "$BIN" --threads "$t" extract "$dir" --format ndjson
    wall[extract$t]=$LAST_WALL
    measure "summarize" "$t" "$mb" "$BIN" --threads "$t" summarize "$dir"
    wall[summarize$t]=$LAST_WALL
    measure "claims --format json" "$t" "$mb" "$BIN" --threads "$t" claims "$dir" --format json
    wall[claims$t]=$LAST_WALL
  done
  echo
  # the ratios issue 5 sets targets for, which hold on any machine
  awk -v rg="${wall[rg1]}" -v e1="${wall[extract1]}" -v en="${wall[extract$CORES]}" \
      -v s="${wall[summarize$CORES]}" -v c="${wall[claims$CORES]}" -v n="$CORES" 'BEGIN {
    printf "Ratios: extract at %.2f of rg throughput (1 thread); %d threads give %.2fx one; ", rg / e1, n, e1 / en
    printf "summarize takes %.1fx and claims %.1fx the time of extract (%d threads)\n", s / en, c / en, n
  }'
done
