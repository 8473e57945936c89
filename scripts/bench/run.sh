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
#   JFR=true (a flight recording of the sandbox and of each scenario's JVM in the work folder, for profiling),
#   MIGRATE_N (users with one space each on the source of the migration scenario 6; default 5000).
#   Scenario 7 (panel capacity) takes its durations from ES_JAVA_OPTS system properties: -Dbench.warmFixed=3,
#   -Dbench.warmAdaptive=24, -Dbench.measure=8 (seconds), -Dbench.cpuCalls=20000.
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
    --es.server.max-in-flight="$C" --es.server.in-flight.initial="$C" --es.provisioning.workers="$WORKERS"
fi
# 1. throughput at the limit, 2. the same with one call at a time. The sandbox here has no capacity (every call is
#    served at once), so the adaptive limit (on, as by default) started at its ceiling C stays there: these scenarios
#    measure C calls in flight, as before the limit adapted; scenario 7 is where the panel's capacity is unknown.
faults "$L"
feeds t "$N"; feeds tw "$N"; feeds s "$NSEQ"
# 1 twice in one JVM: first as started (cold, as the one-shot import command runs), then warm (as a long-running
#   es-bridge serving file drops and the nightly sync is after its first import)
scenario "1-throughput;1-throughput-warm-jvm" 512m false "$WORK/customers-t.csv" "$WORK/subscriptions-t.csv" ";" \
  "$WORK/customers-tw.csv" "$WORK/subscriptions-tw.csv" -- \
  --es.server.max-in-flight="$C" --es.server.in-flight.initial="$C" --es.provisioning.workers="$WORKERS"
scenario 2-sequential 512m false "$WORK/customers-s.csv" "$WORK/subscriptions-s.csv" -- \
  --es.server.max-in-flight=1 --es.provisioning.workers=1
# 3. own overhead: no latency
faults 0
feeds o "$N"
scenario 3-overhead-L0 512m false "$WORK/customers-o.csv" "$WORK/subscriptions-o.csv" -- \
  --es.server.max-in-flight="$C" --es.server.in-flight.initial="$C" --es.provisioning.workers="$WORKERS"
# 4. memory: file route, reader, mapping, validation and rejects with provisioning stubbed (see README)
for rows in $MEM_ROWS; do
  feeds "m$rows" "$rows" true
  scenario "4-memory-$rows-rows" "$MEM_HEAP" true "$WORK/customers-m$rows.csv" -- --es.provisioning.workers="$WORKERS"
  rm -f "$WORK/customers-m$rows.csv"
done

# (an ONLY that picks only scenario 6 leaves nothing to tabulate here)
if [ -s "$OUT/results.jsonl" ]; then java -cp "$CP" io.esbridge.bench.BenchReport "$OUT" "$L" "$C"; else rm -f "$OUT/results.md"; fi

# 6. migration (issue 16): reading the source must not be the slow side. A second sandbox-serving process, a
#    WebsitePanel at the same L, filled with MIGRATE_N users with one space each (an import at L = 0, not measured),
#    then `es-bridge migrate` from it into the target sandbox at L. Timed from the migrate's first line ("source:
#    brand ...", printed once Spring is up and the WSDL read) to its exit: the whole read plus the writes, without
#    JVM and Spring start-up. Each user and each space is one write call on the target, so records/s against C/L
#    says how close reading and writing together come to the target's write limit.
if [ -z "${ONLY:-}" ] || [[ 6-migration =~ $ONLY ]]; then
  echo "scenario 6-migration..." >&2
  MIGRATE_N=${MIGRATE_N:-5000}
  SPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
  SOURCE="http://localhost:$SPORT/"
  JAR=target/es-bridge-0.1.0-SNAPSHOT.jar
  cp "$JAR" "$WORK/es-bridge.jar"  # as the classes above: a build beside the benchmark must not pull it away
  java -Xmx1g ${SANDBOX_JAVA_OPTS:-} -jar "$WORK/es-bridge.jar" serve --server.port="$SPORT" --es.sandbox.enabled=true \
    --es.server.brand=websitepanel --es.sandbox.datasource-url="jdbc:h2:mem:bench-source;DB_CLOSE_DELAY=-1" \
    --spring.datasource.url="jdbc:h2:mem:bench-source-state;DB_CLOSE_DELAY=-1" \
    --server.tomcat.threads.max=200 --es.feeds.inbox="$WORK/source-inbox" \
    --es.console.password-file="$WORK/source-console-password" \
    --es.state.secret-key-file="$WORK/source-secret.key" --logging.level.root=WARN >"$WORK/source.log" 2>&1 &
  SOURCE_PID=$!
  trap 'kill $SANDBOX_PID $SOURCE_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -fs -u "$ADMIN" "${SOURCE}sandbox/stats" >/dev/null 2>&1 && break
    kill -0 $SOURCE_PID 2>/dev/null || { cat "$WORK/source.log"; exit 1; }
    sleep 1
  done
  curl -fs -u "$ADMIN" -X PUT -H 'Content-Type: application/json' -d '{"latencyMillis": 0}' "${SOURCE}sandbox/faults" \
    >/dev/null
  feeds mg "$MIGRATE_N"
  java -Xmx512m -jar "$WORK/es-bridge.jar" import "$WORK/customers-mg.csv" "$WORK/subscriptions-mg.csv" \
    --es.server.url="$SOURCE" --es.server.brand=websitepanel --es.sandbox.enabled=false \
    --spring.datasource.url="jdbc:h2:file:$WORK/state-source-fill" --es.state.secret-key-file="$WORK/secret.key" \
    --es.console.password-file="$WORK/console-password-fill" --es.server.max-in-flight="$C" --es.server.in-flight.initial="$C" \
    --es.provisioning.workers="$WORKERS" >"$WORK/source-fill.log" 2>&1 \
    || { echo "filling the source failed:" >&2; tail -50 "$WORK/source-fill.log" >&2; exit 1; }
  curl -fs -u "$ADMIN" -X PUT -H 'Content-Type: application/json' -d "{\"latencyMillis\": $L}" "${SOURCE}sandbox/faults" \
    >/dev/null
  faults "$L"
  curl -fs -u "$ADMIN" -X POST "${SANDBOX}sandbox/stats/reset" >/dev/null
  curl -fs -u "$ADMIN" -X POST "${SOURCE}sandbox/stats/reset" >/dev/null
  START=""
  while IFS= read -r line; do
    if [ -z "$START" ] && [[ $line == source:* ]]; then START=$(date +%s.%N); fi
    printf '%s\n' "$line" >>"$WORK/6-migration.log"
  done < <(ES_MIGRATE_SOURCE_PASSWORD=serveradmin java -Xmx512m $(jfr 6-migration) ${ES_JAVA_OPTS:-} \
    -jar "$WORK/es-bridge.jar" migrate --from-url="$SOURCE" --source-name=bench-source \
    --es.server.url="$SANDBOX" --es.sandbox.enabled=false \
    --spring.datasource.url="jdbc:h2:file:$WORK/state-6-migration" --es.state.secret-key-file="$WORK/secret.key" \
    --es.console.password-file="$WORK/console-password-6-migration" --es.server.max-in-flight="$C" --es.server.in-flight.initial="$C" \
    --es.provisioning.workers="$WORKERS" 2>&1; echo $? >"$WORK/6-migration.rc")
  END=$(date +%s.%N)
  RC=$(cat "$WORK/6-migration.rc")
  if [ "$RC" != 0 ] || [ -z "$START" ]; then
    echo "scenario 6-migration failed (exit $RC):" >&2; tail -50 "$WORK/6-migration.log" >&2; exit 1
  fi
  # users + spaces read and provisioned: the in= of the users and spaces stages (plans and add-ons left out)
  RECORDS=$(grep -E '^(users|spaces)[^:]*: ' "$WORK/6-migration.log" | sed -E 's/.* in=([0-9]+) .*/\1/' \
    | paste -sd+ - | bc)
  FAILED=$(grep -E '^[a-z -]+: run ' "$WORK/6-migration.log" | sed -E 's/.* failed=([0-9]+) .*/\1/' | paste -sd+ - | bc)
  TARGET_CALLS=$(curl -fs -u "$ADMIN" "${SANDBOX}sandbox/stats" | jq .total)
  SOURCE_CALLS=$(curl -fs -u "$ADMIN" "${SOURCE}sandbox/stats" | jq .total)
  kill $SOURCE_PID 2>/dev/null || true
  python3 - "$RECORDS" "$FAILED" "$START" "$END" "$TARGET_CALLS" "$L" "$C" "$OUT" <<'PY' >&2
import json, sys
records, failed, start, end, calls, l, c, out = sys.argv[1:]
records, failed, calls, l, c = int(records), int(failed), int(calls), float(l), int(c)
seconds = float(end) - float(start)
limit = c * 1000.0 / l if l > 0 else float("inf")
rate = records / seconds
row = {"name": "6-migration", "records": records, "failed": failed, "seconds": round(seconds, 1),
       "recordsPerSecond": round(rate, 1), "targetCalls": calls, "writeLimit": round(limit, 1),
       "vsWriteLimit": round(rate / limit, 2)}
with open(out + "/results.jsonl", "a") as f:
    f.write(json.dumps(row) + "\n")
line = (f"| 6-migration (L={l:g} both sides, C={c}) | {records} users+spaces | {seconds:.1f} s | {rate:.1f} records/s"
        f" | {calls} target calls | {rate / limit:.2f} of C/L = {limit:.0f} writes/s | failed = {failed} |")
with open(out + "/results.md", "a") as f:
    f.write("\n" + line + "\n")
print(line)
PY
  echo "6-migration: read from the source in $SOURCE_CALLS calls (its stats after the run)" >&2
fi
# 7. panel capacity (issue 17): the limit of calls in flight against a panel whose capacity es-bridge is not told.
#    The sandbox plays c = 4, 12, 32 workers at L = 50 ms (calls beyond c wait); per c the client's adaptive limit
#    (its defaults) and fixed limits 4, 8, 16, 64, with 96 callers; then c drops 12 -> 4 -> 12 mid-run; then at L = 0
#    es-bridge's CPU per call against a raw HTTP client posting the same pre-rendered requests. About 5 minutes.
if [ -z "${ONLY:-}" ] || [[ 7-panel-capacity =~ $ONLY ]]; then
  echo "scenario 7-panel-capacity..." >&2
  java -Xmx1g $(jfr 7-panel-capacity) ${ES_JAVA_OPTS:-} -cp "$CP" io.esbridge.bench.PanelCapacityBench "$SANDBOX" "$OUT" \
    >"$WORK/7-panel-capacity.log" 2>&1 \
    || { echo "scenario 7-panel-capacity failed:" >&2; tail -50 "$WORK/7-panel-capacity.log" >&2; exit 1; }
  grep '^7-panel-capacity' "$WORK/7-panel-capacity.log" >&2 || true
  cat "$OUT/panel-capacity.md" >&2
  { echo; cat "$OUT/panel-capacity.md"; } >>"$OUT/results.md"
  curl -fs -u "$ADMIN" -X PUT -H 'Content-Type: application/json' -d '{"latencyMillis": 0}' "${SANDBOX}sandbox/faults" >/dev/null
fi
echo "(work folder: $WORK)" >&2
