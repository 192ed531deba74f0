#!/usr/bin/env bash
# The cost of deterministic parents (issue 21.3): the same builds on the four searches the issue's figures are
# taken on, alternating builds within each round (bench/compare-jars.sh), so that a shared machine's drift hits each
# build alike.
#
#   bench/parents.sh ROUNDS JAR...
#   e.g. bench/parents.sh 5 /tmp/jar-792.jar /tmp/main.jar cli/target/ballot.jar
#
# Runs counters.m (10^7 states) on 2 threads and on 1, Raft-bug-commit-old-term-entry (611,043 states, 2 threads)
# and german.m with symmetry reduction (2 threads). Quote the medians of the exploration and CPU seconds per build,
# with the load average beside them (bench/LOG.md).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1
shift
run() { echo "== $*"; bench/compare-jars.sh "$1" "$rounds" "${jars[@]}" -- "${@:2}"; }
jars=("$@")
run bench/models/counters.m --threads 2
run bench/models/counters.m --threads 1
run protocols/models/raft/Raft-bug-commit-old-term-entry.m --threads 2
run bench/models/symmetry/german.m --threads 2
