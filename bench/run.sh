#!/usr/bin/env bash
# Benchmarks a release build of plandeck: whole-process wall time and peak memory for the
# default plan, for a 10x plan (the default content repeated ten times, ~180 slides), for
# plans with one table of 1,000 and 2,000 rows (the whole pipeline), and the workbook writer
# alone on tables of 2,000, 4,000 and 8,000 rows (bench/workbook_bench.cpp: its CPU time per
# row stays flat when the writer is linear; a YAML plan cannot hold 8,000 rows, as the
# loader refuses more than 100,000 nodes); and the instructions executed (valgrind's
# callgrind: deterministic, unlike time on a shared machine) for the full build of the
# default and the 10x plan, and for the default plan's phases (check = load + compose;
# --only pdf / --only xlsx add one writer each); the default deck's size in bytes.
# Run with `make bench`. Prints the commit it measured. Not a test: these machines are
# shared, so read the medians, not single runs. PLANDECK_BIN=path measures another build
# (e.g. one of an older commit, for a before/after comparison under the same load).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PLANDECK_BIN:-build-release/plandeck}
runs=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/make_big_plan.py data/hiroshima-dx-r3-r5.yaml "$work/big.yaml" 10
table_rows=${TABLE_ROWS:-1000 2000}
for n in $table_rows; do python3 bench/make_big_plan.py --table-rows "$n" "$work/table$n.yaml"; done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$([[ -n $(git status --porcelain 2>/dev/null) ]] && echo " (with uncommitted changes)" || true)
echo "plandeck benchmark — commit $commit$dirty, $(nproc) cores, $runs runs each"

measure() {  # name, the PDF it writes (for its page count), then the command
  local name=$1 pdf=$2; shift 2
  local times=() mems=()
  for ((i = 0; i < runs; i++)); do
    # Wall time to the millisecond (GNU time's %e has 10 ms steps); peak RSS from GNU time.
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null
    end=$(date +%s%N)
    read -r m <"$work/time"
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f", (b - a) / 1e9}')"); mems+=("$m")
  done
  local tmed mmax
  tmed=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mmax=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  local pages
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
  printf '%-28s median wall %7.4f s   peak RSS %6.1f MB   %s pages\n' "$name" "$tmed" \
    "$(awk -v k="$mmax" 'BEGIN {print k / 1024}')" "${pages:-?}"
}

# Instructions executed by the whole process (all threads), counted by callgrind.
instructions() {  # name, then the command
  local name=$1; shift
  if ! command -v valgrind >/dev/null; then
    printf '%-28s instructions: valgrind is not installed (scripts/install-deps.sh)\n' "$name"
    return
  fi
  local count
  count=$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" 2>&1 >/dev/null |
    awk '/Collected :/ {print $NF}')
  printf '%-28s instructions %12s (%.1f M)\n' "$name" "$count" "$(awk -v n="$count" 'BEGIN {print n / 1e6}')"
}

export SOURCE_DATE_EPOCH=1700000000
instructions "default plan (pdf + xlsx)" "$bin" build data/hiroshima-dx-r3-r5.yaml -o "$work/out"
# The deck's size right after its build (issue 13's limit: 160 kB = 160,000 bytes).
deck_bytes=$(stat -c %s "$work/out/hiroshima-dx-r3-r5.pdf" 2>/dev/null || echo 0)
printf '%-28s %12s bytes (%.1f kB; limit 160 kB = 160,000 bytes)\n' "default deck size" "$deck_bytes" \
  "$(awk -v n="$deck_bytes" 'BEGIN {print n / 1000}')"
# By phase: load + compose alone (check), then each writer with it.
instructions "default plan (check)" "$bin" check data/hiroshima-dx-r3-r5.yaml
instructions "default plan (pdf only)" "$bin" build data/hiroshima-dx-r3-r5.yaml -o "$work/out" --only pdf
instructions "default plan (xlsx only)" "$bin" build data/hiroshima-dx-r3-r5.yaml -o "$work/out" --only xlsx
instructions "10x plan (pdf + xlsx)" "$bin" build "$work/big.yaml" -o "$work/out"
measure "default plan (pdf + xlsx)" "$work/out/hiroshima-dx-r3-r5.pdf" "$bin" build data/hiroshima-dx-r3-r5.yaml -o "$work/out"
# Where the time goes: load + compose alone, then each writer on its own.
measure "default plan (check)" "$work/out/hiroshima-dx-r3-r5.pdf" "$bin" check data/hiroshima-dx-r3-r5.yaml
measure "default plan (pdf only)" "$work/out/hiroshima-dx-r3-r5.pdf" "$bin" build data/hiroshima-dx-r3-r5.yaml -o "$work/out" --only pdf
measure "default plan (xlsx only)" "$work/out/hiroshima-dx-r3-r5.pdf" "$bin" build data/hiroshima-dx-r3-r5.yaml -o "$work/out" --only xlsx
measure "10x plan (pdf + xlsx)" "$work/out/big.pdf" "$bin" build "$work/big.yaml" -o "$work/out"
measure "10x plan (pdf only)" "$work/out/big.pdf" "$bin" build "$work/big.yaml" -o "$work/out" --only pdf
for n in $table_rows; do
  measure "$n-row table (check)" "$work/out/table$n.pdf" "$bin" check "$work/table$n.yaml"
  measure "$n-row table (xlsx only)" "$work/out/table$n.pdf" "$bin" build "$work/table$n.yaml" -o "$work/out" --only xlsx
done
"$(dirname "$bin")/bench/workbook_bench" ${WRITER_ROWS:-2000 4000 8000}
ls -l "$work/out" | awk 'NR > 1 {printf "  %-32s %8d bytes\n", $9, $5}'
