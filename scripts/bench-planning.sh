#!/usr/bin/env bash
# Planning benchmark: a speed table (greedy + iterated swap on 20k x 2k and 50k x 5k instances)
# and a quality table against the proven optimum of SCIP (OR-Tools, test scope). Prints numbers only.
#   scripts/bench-planning.sh            # both tables (~15 s)
#   scripts/bench-planning.sh speed      # or: quality
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE="$PWD/geo-data/target/bench-planning.classpath"
./mvnw -B -q -pl geo-data test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
java -Xmx2g -cp "geo-data/target/classes:geo-data/target/test-classes:$(cat "$CP_FILE")" \
    org.yizhan.geo.planning.PlanningBenchmark "$@"
