#!/bin/sh
# The delta-sync benchmark: N billing clients (default 100000) synced once, then 1% changed and synced again; prints
# rows per second and the SOAP calls made. Run from the es-bridge folder: scripts/bench/delta-sync.sh [clients]
set -e
cd "$(dirname "$0")/../.."
# Not offline (-o): on a fresh machine the dependency plugin, which mvn verify never uses, is not downloaded yet.
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.esbridge.sync.DeltaSyncBenchmark "$@"
