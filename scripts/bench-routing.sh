#!/usr/bin/env bash
# Road-network speed (issue 15): graph import/reload time, heap and disk for the generated test
# city and a generated ~300,000-corner city; walking coverage of 50,000 demand points by 5,000
# stations at 15 minutes; a 10-site suggestion over 2,000 candidates. Prints two tables.
#   scripts/bench-routing.sh            # 550 x 550 corners (302,500)
#   scripts/bench-routing.sh 200        # a smaller city, for a quick look
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE="$PWD/locator-api/target/bench-routing.classpath"
# test-compile in the same reactor lets the classpath point at geo-data/target/classes.
./mvnw -B -q -pl locator-api -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
java -Xmx3g -cp "locator-api/target/classes:locator-api/target/test-classes:$(cat "$CP_FILE")" \
    org.yizhan.locator.routing.RoutingBenchmark "$@" 2>&1 | grep --line-buffered -v -E ' (INFO|DEBUG) '
