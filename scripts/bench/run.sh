#!/usr/bin/env bash
# es-bridge benchmarks (issue 8): prints a table and writes target/bench/results.{md,json,jsonl}.
#   scripts/bench/run.sh [--quick] [--no-build]
# Settings (environment): L (sandbox latency per call, ms; default 50), C (calls in flight; default 16),
#   N (customers with one subscription each; default 5000), NSEQ (customers for the sequential client; default N/10,
#   its calls/s do not depend on N), MEM_ROWS (rows of the memory scenarios; default "100000 1000000"),
#   MEM_HEAP (default 256m), WORKERS (es.provisioning.workers; default 2*C), ONLY (regex of scenario names to run),
#   JSTACK=seconds (a thread dump of each scenario's JVM that many seconds in, to its log, for profiling),
#   WARMUP (customers of the unmeasured import that warms the sandbox up first; default 3000, 0 for none),
#   ES_JAVA_OPTS (JVM options of the es-bridge JVMs of the scenarios, e.g. -XX:TieredStopAtLevel=1),
#   SANDBOX_JAVA_OPTS (JVM options of the sandbox),
#   JFR=true (a flight recording of the sandbox and of each scenario's JVM in the work folder, for profiling).
# Every scenario is its own JVM (io.esbridge.bench.ImportBench) against one sandbox-serving es-bridge process
# (java -jar ... serve), started here with latency L. Timings exclude JVM and Spring start-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
QUICK=false; BUILD=true
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --no-build) BUILD=false ;;
    *) echo "unknown argument $arg" >&2; exit 2 ;;
  esac
done
L=${L:-50}; C=${C:-16}
if $QUICK; then N=${N:-1000}; MEM_ROWS=${MEM_ROWS:-"10000 100000"}; else N=${N:-5000}; MEM_ROWS=${MEM_ROWS:-"100000 1000000"}; fi
NSEQ=${NSEQ:-$(( N / 10 > 100 ? N / 10 : 100 ))}
WORKERS=${WORKERS:-$(( 2 * C ))}
MEM_HEAP=${MEM_HEAP:-256m}
WARMUP=${WARMUP:-3000}
OUT=target/bench; WORK=$(mktemp -d /tmp/es-bench.XXXXXX)
ADMIN=serveradmin:serveradmin
jfr() { if [ "${JFR:-false}" = true ]; then echo "-XX:StartFlightRecording=settings=profile,filename=$WORK/$1.jfr"; fi; }

for tool in curl jq python3; do
  command -v "$tool" >/dev/null || { echo "scripts/bench/run.sh needs $tool (e.g. apt-get install $tool)" >&2; exit 2; }
done

if $BUILD; then
  # Not offline (-o): on a fresh machine the dependency plugin, which mvn verify never uses, is not downloaded yet
  # (its version comes from the Spring Boot parent's plugin management).
  echo "building..." >&2
  mvn -B -q package -DskipTests
  mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
fi
mkdir -p "$OUT"; rm -f "$OUT/results.jsonl"
# Copies of the classes, so that a build running beside the benchmark cannot pull them away.
cp -r target/classes "$WORK/classes"; cp -r target/test-classes "$WORK/test-classes"
CP="$WORK/classes:$WORK/test-classes:$(cat target/bench.cp)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
SANDBOX="http://localhost:$PORT/"

java -Xmx1g $(jfr sandbox) ${SANDBOX_JAVA_OPTS:-} -jar target/es-bridge-0.1.0-SNAPSHOT.jar serve --server.port="$PORT" --es.sandbox.enabled=true \
  --es.sandbox.datasource-url="jdbc:h2:mem:bench-sandbox;DB_CLOSE_DELAY=-1" \
  --spring.datasource.url="jdbc:h2:mem:bench-sandbox-state;DB_CLOSE_DELAY=-1" \
  --server.tomcat.threads.max=200 --es.feeds.inbox="$WORK/inbox" --es.console.password-file="$WORK/console-password" \
  --es.state.secret-key-file="$WORK/sandbox-secret.key" --logging.level.root=WARN >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
trap 'kill $SANDBOX_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -u "$ADMIN" "${SANDBOX}sandbox/stats" >/dev/null 2>&1 && break
  kill -0 $SANDBOX_PID 2>/dev/null || { cat "$WORK/sandbox.log"; exit 1; }
  sleep 1
done
faults() { curl -fs -u "$ADMIN" -X PUT -H 'Content-Type: application/json' -d "{\"latencyMillis\": $1}" "${SANDBOX}sandbox/faults" >/dev/null; }

scenario() { # name heap stub files... [";" files...] -- settings...   (";" starts another round in the same JVM;
  #                                                                   then name is one name per round, ";"-separated)
  local name=$1 heap=$2 stub=$3; shift 3
  local tag=${name%%;*}  # the first round's name names the files
  local files="" sep=""
  while [ "$1" != "--" ]; do
    if [ "$1" = ";" ]; then sep=";"; else files="$files$sep$1"; sep=","; fi
    shift
  done; shift
  if [ -n "${ONLY:-}" ] && ! [[ "$name" =~ $ONLY|^0-warm-up$ ]]; then return 0; fi
  echo "scenario $name..." >&2
  java -Xmx"$heap" $(jfr "$tag") ${ES_JAVA_OPTS:-} -cp "$CP" -Dbench.name="$name" -Dbench.files="$files" -Dbench.sandbox="$SANDBOX" \
    -Dbench.sandboxPid="$SANDBOX_PID" -Dbench.stubProvisioning="$stub" -Dbench.out="${BENCH_OUT:-$OUT/results.jsonl}" \
    io.esbridge.bench.ImportBench --es.server.url="$SANDBOX" --es.sandbox.enabled=false \
    --spring.datasource.url="jdbc:h2:file:$WORK/state-$tag;AUTO_SERVER=TRUE" \
    --es.state.secret-key-file="$WORK/secret.key" --es.console.password-file="$WORK/console-password-$tag" "$@" \
    >"$WORK/$tag.log" 2>&1 &
  local pid=$!
  if [ -n "${JSTACK:-}" ]; then (sleep "$JSTACK"; jstack "$pid" >"$WORK/$tag.jstack" 2>&1 || true) & fi
  wait $pid || { echo "scenario $name failed:" >&2; tail -50 "$WORK/$tag.log" >&2; exit 1; }
  grep '^BENCH' "$WORK/$tag.log" | cut -c7- | jq -c '{name, records, failed, seconds, recordsPerSecond, calls, callsPerSecond}' >&2
}
feeds() { java -cp "$CP" io.esbridge.bench.BenchFeeds "$WORK" "$@"; }

# 0. The panel is a long-running server, warm when es-bridge calls it: a first import, not measured, compiles the
#    sandbox's hot paths so that the figures below measure es-bridge (whose JVM starts cold in every scenario).
if [ "$WARMUP" -gt 0 ] && { [ -z "${ONLY:-}" ] || [[ "1-throughput 2-sequential 3-overhead-L0" =~ $ONLY ]]; }; then
  faults 0
  feeds w "$WARMUP"
  BENCH_OUT=/dev/null scenario 0-warm-up 512m false "$WORK/customers-w.csv" "$WORK/subscriptions-w.csv" -- \
    --es.server.max-in-flight="$C" --es.provisioning.workers="$WORKERS"
fi
# 1. throughput at the limit, 2. the same with one call at a time
faults "$L"
feeds t "$N"; feeds tw "$N"; feeds s "$NSEQ"
# 1 twice in one JVM: first as started (cold, as the one-shot import command runs), then warm (as a long-running
#   es-bridge serving file drops and the nightly sync is after its first import)
scenario "1-throughput;1-throughput-warm-jvm" 512m false "$WORK/customers-t.csv" "$WORK/subscriptions-t.csv" ";" \
  "$WORK/customers-tw.csv" "$WORK/subscriptions-tw.csv" -- \
  --es.server.max-in-flight="$C" --es.provisioning.workers="$WORKERS"
scenario 2-sequential 512m false "$WORK/customers-s.csv" "$WORK/subscriptions-s.csv" -- \
  --es.server.max-in-flight=1 --es.provisioning.workers=1
# 3. own overhead: no latency
faults 0
feeds o "$N"
scenario 3-overhead-L0 512m false "$WORK/customers-o.csv" "$WORK/subscriptions-o.csv" -- \
  --es.server.max-in-flight="$C" --es.provisioning.workers="$WORKERS"
# 4. memory: file route, reader, mapping, validation and rejects with provisioning stubbed (see README)
for rows in $MEM_ROWS; do
  feeds "m$rows" "$rows" true
  scenario "4-memory-$rows-rows" "$MEM_HEAP" true "$WORK/customers-m$rows.csv" -- --es.provisioning.workers="$WORKERS"
  rm -f "$WORK/customers-m$rows.csv"
done

java -cp "$CP" io.esbridge.bench.BenchReport "$OUT" "$L" "$C"
echo "(work folder: $WORK)" >&2
