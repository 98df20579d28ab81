#!/usr/bin/env bash
# Both hand-keyed benchmarks over every held-out set: one summary line a set, full reports in OUTDIR.
# usage: bash benchmarks/allsets.sh OUTDIR            (every tests/fixtures/* with an expected.json)
#        SETS="holdout14 holdout16" bash benchmarks/allsets.sh OUTDIR
set -u
out=${1:?usage: bash benchmarks/allsets.sh OUTDIR}
mkdir -p "$out"
root=$(cd "$(dirname "$0")/.." && pwd)
sets=${SETS:-$(cd "$root/tests/fixtures" && for d in */; do [ -f "$d/expected.json" ] && printf '%s ' "${d%/}"; done)}
for n in $sets; do
  python "$root/benchmarks/hidden.py" "$root/tests/fixtures/$n" > "$out/$n.fig" 2> "$out/$n.fig.err"
  if [ -f "$root/tests/fixtures/$n/contradictions.json" ]; then
    python "$root/benchmarks/contradictions.py" "$root/tests/fixtures/$n" > "$out/$n.con" 2> "$out/$n.con.err"
  fi
  echo "$n | $(grep -F '**total**' "$out/$n.fig" | head -1) | $(grep -E '^recall' "$out/$n.con" 2>/dev/null | tail -1) | $(grep -E '^with the lead' "$out/$n.con" 2>/dev/null | tail -1)"
done
