#!/usr/bin/env bash
# Start-up load of the station index (issue 14), phase by phase: PostgreSQL producing the binary
# COPY (drained), decoding it (replayed from memory), building the snapshot, and the whole load
# over one connection and over two (alternating rounds on the same database), with the heap the
# snapshot keeps after a full GC. Needs a register loaded by scripts/bench.sh or
# scripts/load-synthetic.sh. BENCH_CPUS pins the JVM (taskset -c), as bench.sh pins the service.
#   scripts/bench-index.sh [DB (yizhan_bench)] [rounds (3)]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-yizhan_bench}
ROUNDS=${2:-3}
CP_FILE="$PWD/locator-api/target/bench-index.classpath"
./mvnw -B -q -o -pl locator-api -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" -Dspotless.check.skip=true
echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
${BENCH_CPUS:+taskset -c $BENCH_CPUS} java -Xmx${BENCH_HEAP:-3g} -cp "locator-api/target/classes:locator-api/target/test-classes:$(cat "$CP_FILE")" \
    org.yizhan.locator.search.IndexLoadBenchmark \
    "jdbc:postgresql://127.0.0.1:${YIZHAN_PG_PORT:-55432}/$DB" "$ROUNDS" 2>&1 | grep --line-buffered -v -E ' (INFO|DEBUG) '
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
