#!/usr/bin/env bash
# dendrite-spark on a real (one-machine) Spark standalone cluster: starts a master and two workers (1 core each)
# on 127.0.0.1 from the Spark jars in the local Maven repository, then
#   1. runs a sweep with the thread-pool runner (dendrite.jar, -j 2) as the reference and throughput baseline,
#   2. submits the same sweep to the cluster (throughput),
#   3. submits it again and kills one worker and its executor with SIGKILL mid-run; the sweep must finish on the
#      other worker with nothing lost or repeated,
# and compares both cluster results files with the reference byte for byte.
# usage: [SWEEP=...] benchmarks/scripts/spark_standalone.sh [RUNS_PER_AXIS, 40 (a 40x40 = 1600-run grid)] [TSTOP_MS, 200]
# Needs: mvn, java 17; the first run resolves Spark 4 (~300 MB) into ~/.m2. Nothing listens beyond 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-40}"; TSTOP="${2:-200}"
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 1
            for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

cd "$root"
echo "building dendrite.jar and dendrite-spark.jar ..."
# and a Spark "distribution": the jars Maven resolves for the spark module (Spark, Scala, Hadoop client, ...);
# the spark module comes last in the reactor, so its class path is the one left in cp.txt
mvn -B -q -DskipTests -pl cli,spark -am package dependency:build-classpath -Dmdep.outputFile="$tmp/cp.txt" \
  -Dmdep.excludeGroupIds=org.dendrite,org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian >/dev/null
export SPARK_HOME="$tmp/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
tr ':' '\n' < "$tmp/cp.txt" | while read -r j; do ln -s "$j" "$SPARK_HOME/jars/"; done
cat > "$SPARK_HOME/conf/log4j2.properties" <<'L4J'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
L4J
OPENS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED
 --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
CP="$SPARK_HOME/conf:$SPARK_HOME/jars/*"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
MP=$(port); MUI=$(port)
# shellcheck disable=SC2086
java $OPENS -Xmx256m -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MP" --webui-port "$MUI" \
  >"$tmp/master.log" 2>&1 & pids+=($!)
MASTER="spark://127.0.0.1:$MP"
for i in 1 2; do
  mkdir -p "$tmp/work$i"
  # shellcheck disable=SC2086
  java $OPENS -Xmx256m -cp "$CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port "$(port)" \
    --webui-port "$(port)" --cores 1 --memory 1g --work-dir "$tmp/work$i" "$MASTER" >"$tmp/worker$i.log" 2>&1 & pids+=($!)
  eval "worker$i=\$!"
done
for _ in $(seq 60); do
  [ "$(grep -c 'Registering worker' "$tmp/master.log" || true)" -ge 2 ] && break; sleep 1
done
echo "standalone master $MASTER with 2 workers of 1 core (logs in $tmp)"

# SWEEP="MODEL --param A=... --param B=..." replaces the default N x N ball-and-stick grid (e.g. a model with the
# Hay channels, whose Vector API kernels then run on the executors: SWEEP="pyramidal --param
# apical.gIhbar_Ih=1e-4:3e-4:3 --param somatic.gNaTs2_tbar_NaTs2_t=1:3:3" with RUNS_PER_AXIS 3)
if [ -n "${SWEEP:-}" ]; then read -r -a user <<<"$SWEEP"; args=(sweep "${user[@]}" --set "tstop=$TSTOP")
else args=(sweep ball_and_stick --param "somatic.gnabar_hh=0.06:0.18:$N" --param "stim.amp=0.05:0.4:$N" --set "tstop=$TSTOP"); fi
runs=$((N * N))
submit() { # OUT [extra spark-submit options]
  local out="$1"; shift
  # shellcheck disable=SC2086
  java $OPENS -Xmx1g -cp "$CP" org.apache.spark.deploy.SparkSubmit --master "$MASTER" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
    --executor-memory 768m "$@" "$root/spark/target/dendrite-spark.jar" "${args[@]}" --out "$out"
}
line() { grep -E 'runs done' "$1" | tail -1; }
rows() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }
# steady rate: rows per second from the moment a tenth of the rows are written to the last row (leaves out
# JVM start, Spark context and executor start-up, and the JIT's first seconds, on both sides alike)
steady() { # FILE PID
  local t1="" c1=0 n
  while kill -0 "$2" 2>/dev/null; do
    n=$(rows "$1")
    if [ -z "$t1" ] && [ "$n" -ge $((runs / 10)) ]; then t1=$(date +%s.%N); c1=$n; fi
    [ "$n" -ge "$runs" ] && break
    sleep 0.1
  done
  local t2; t2=$(date +%s.%N)
  echo "scale=2; ($(rows "$1") - $c1) / ($t2 - $t1)" | bc
}
rate() { sed -E 's/.*\(([0-9.]+) runs\/s\).*/\1/' <<<"$1"; }

echo "1. thread pool (dendrite.jar -j 2), $runs runs of ${TSTOP} ms:"
t0=$(date +%s.%N)
java --add-modules jdk.incubator.vector -Djava.awt.headless=true -jar "$root/cli/target/dendrite.jar" "${args[@]}" -j 2 \
  --out "$tmp/local" 2>/dev/null >"$tmp/local.txt" & job=$!
LS=$(steady "$tmp/local/results.jsonl" $job); wait $job
t1=$(date +%s.%N)
L=$(line "$tmp/local.txt"); echo "   $L"; echo "   whole process $(echo "$t1 - $t0" | bc) s; steady $LS runs/s"

echo "2. Spark standalone, 2 executors x 1 core:"
t0=$(date +%s.%N)
submit "$tmp/spark" >"$tmp/spark.txt" 2>"$tmp/spark.err" & job=$!
SS=$(steady "$tmp/spark/results.jsonl" $job); wait $job
t1=$(date +%s.%N)
S=$(line "$tmp/spark.txt"); echo "   $S"; echo "   whole process (JVM, Spark context, executors) $(echo "$t1 - $t0" | bc) s; steady $SS runs/s"
cmp "$tmp/local/results.jsonl" "$tmp/spark/results.jsonl"
cmp "$tmp/local/results.csv" "$tmp/spark/results.csv"
cmp "$tmp/local/sweep.json" "$tmp/spark/sweep.json"
echo "   results.jsonl, results.csv, sweep.json byte-identical to the thread pool's"

echo "3. Spark standalone, worker 2 and its executor killed (SIGKILL) mid-run:"
submit "$tmp/killed" >"$tmp/killed.txt" 2>"$tmp/killed.err" & sub=$!
for _ in $(seq 3000); do
  n=$(rows "$tmp/killed/results.jsonl")
  [ "$n" -ge $((runs / 3)) ] && break; sleep 0.2
done
exec2=$(pgrep -P "$worker2" || true)
kill -9 $exec2 "$worker2" 2>/dev/null || true
echo "   killed worker 2 (pid $worker2) and its executor (pid ${exec2:-none}) with $n of $runs rows written"
wait "$sub"
K=$(line "$tmp/killed.txt"); echo "   $K"
echo "   task failures the driver saw: $(grep -cE 'Lost task|Lost executor|ExecutorLost' "$tmp/killed.err" || true) log lines"
cmp "$tmp/local/results.jsonl" "$tmp/killed/results.jsonl"
cmp "$tmp/local/results.csv" "$tmp/killed/results.csv"
rows=$(wc -l < "$tmp/killed/results.jsonl"); uniq=$(cut -d, -f1 "$tmp/killed/results.jsonl" | sort -u | wc -l)
[ "$rows" = "$runs" ] && [ "$uniq" = "$runs" ]
echo "   OK: $rows rows, $uniq distinct runs, byte-identical to the thread pool's results"
echo "throughput (whole command): thread pool $(rate "$L") runs/s, Spark standalone $(rate "$S") runs/s (ratio $(echo "scale=3; $(rate "$S") / $(rate "$L")" | bc))"
echo "throughput (steady):        thread pool $LS runs/s, Spark standalone $SS runs/s (ratio $(echo "scale=3; $SS / $LS" | bc))"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
