#!/usr/bin/env bash
# The wide-state store's two layouts against each other (issue 25.3): runs one model alternately with
# `--x-wide-store tree` and `--x-wide-store records` of each jar given, ROUNDS times, so that the machine's drift
# hits each alike, and prints per run the exploration time, wall and CPU seconds, peak RSS and the load average, then
# the medians per configuration.
#
#   bench/wide-store.sh MODEL ROUNDS JAR... [-- CHECK OPTIONS]
#   e.g. bench/wide-store.sh bench/models/two-phase.m 5 cli/target/ballot.jar -- --const N=9 --threads 2 \
#          --deadlock-detection off
#
# A copy of each jar is run (a build during the runs would replace the jar under the JVM). Quote medians with the
# load printed beside them: on a shared machine a single run says little.
set -euo pipefail
model=$1 rounds=$2
shift 2
jars=()
while (($#)) && [[ $1 != -- ]]; do jars+=("$1"); shift; done
[[ ${1:-} == -- ]] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
copies=()
for i in "${!jars[@]}"; do cp "${jars[$i]}" "$tmp/jar$i.jar"; copies+=("$tmp/jar$i.jar"); done
rows=$tmp/rows
for ((round = 1; round <= rounds; round++)); do
  for i in "${!copies[@]}"; do
    for store in tree records; do
      /usr/bin/time -f "%U %S %e %M" -o "$tmp/time" java -Xss16m -XX:+UseParallelGC -jar "${copies[$i]}" check \
        "$model" --x-wide-store "$store" "$@" >"$tmp/out" 2>&1 || true
      explore=$(grep -o 'Time: [0-9.]* s' "$tmp/out" | grep -o '[0-9.]*' || echo NaN)
      read -r user sys wall rss <"$tmp/time" || true
      load=$(cut -d' ' -f1 /proc/loadavg)
      printf '%s\t%s\t%s\t%s\t%.2f\t%d\t%s\n' "${jars[$i]}" "$store" "$explore" "$wall" \
        "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$load" | tee -a "$rows"
    done
  done
done
echo "medians (jar, store: exploration s, wall s, CPU s, peak RSS MiB; load range):"
python3 - "$rows" <<'PY'
import statistics, sys, collections
runs = collections.defaultdict(list)
loads = []
for line in open(sys.argv[1]):
    jar, store, *v = line.rstrip('\n').split('\t')
    runs[(jar, store)].append([float(x) for x in v[:4]])
    loads.append(float(v[4]))
for (jar, store), rs in runs.items():
    med = [statistics.median(r[k] for r in rs) for k in range(4)]
    print(f"  {jar} {store}: {med[0]:.2f} / {med[1]:.2f} / {med[2]:.2f} / {med[3]:.0f}  "
          f"(runs: {', '.join(f'{r[1]:.2f}' for r in rs)} s wall)")
print(f"  load {min(loads):.2f}-{max(loads):.2f}")
PY
