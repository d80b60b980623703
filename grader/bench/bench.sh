#!/usr/bin/env bash
# Benchmark of `grade --class` (not part of `mvn test`): grades N generated submissions with --jobs = cores and, in
# the same run, times the naive way (one submission copied into the student handout, `mvn -o -q test`) and the
# floor (one fresh javac of the same files + one fresh java running a trivial main). Prints per-submission costs,
# the two ratios and the peak resident memory of the worker JVMs.
#
# Usage: grader/bench/bench.sh [N]     (env: JOBS=cores, NAIVE=3 Maven runs, FLOOR=5 javac+java runs)
set -euo pipefail
n=${1:-40}
jobs=${JOBS:-$(nproc)}
naive_runs=${NAIVE:-3}
floor_runs=${FLOOR:-5}
grader_opts=${GRADER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}  # as in ./cnnkit
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=$root/grader/target/cnn-grader.jar
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests package -pl grader -am)
fi
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT  # KEEP=1 keeps the work folder for a look
timed() { /usr/bin/time -f '%e %U %S %M' -o "$1" "${@:2}"; }  # wall s, user s, sys s, max RSS KiB
field() { awk -v f="$2" '{print $f}' "$1"; }
mean() { awk '{s += $1} END {printf "%.3f", s / NR}'; }

java -cp "$jar" "$root/grader/bench/MakeClass.java" "$work" "$n"

# 0. One submission alone: the fixed cost of a grade run (grader start-up; no worker archive below 4 submissions).
mkdir -p "$work/warm" && cp -r "$work/one" "$work/warm/one"
timed "$work/warm.time" java $grader_opts -jar "$jar" grade --class "$work/warm" --out "$work/warm-out" > /dev/null 2>&1

# 1. Ours, while a sampler records the peak RSS (VmHWM) of every worker JVM it sees.
: > "$work/hwm"
( while true; do
    for p in $(pgrep -f 'cnnkit.grader.run.Worker' || true); do
      awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null >> "$work/hwm" || true
    done
    sleep 0.1
  done ) &
sampler=$!
timed "$work/ours.time" java $grader_opts -jar "$jar" grade --class "$work/class" --jobs "$jobs" --out "$work/out" > "$work/ours.log"
kill "$sampler" 2>/dev/null || true
ours_wall=$(awk -v n="$n" '{printf "%.3f", $1 / n}' "$work/ours.time")
ours_cpu=$(awk -v n="$n" '{printf "%.3f", ($2 + $3) / n}' "$work/ours.time")
worker_peak=$(sort -n "$work/hwm" | tail -1)
rows=$(($(wc -l < "$work/out/gradebook.csv") - 1))

# 2. Naive: the submission in the student handout (its public tests only), one fresh Maven build each.
java -jar "$jar" handout --out "$work/handout" > /dev/null
if [ -d "$work/handout/src/test/java/cnnkit/summary" ] && ! grep -q junit-platform-launcher "$work/handout/pom.xml"; then
  # The handout's step-summary listener needs the launcher API; until the handout's pom declares it, add it here
  # (a compile failure would otherwise time nothing).
  echo "note: the handout pom lacks junit-platform-launcher; added for the naive timing"
  sed -i "s|<artifactId>junit-jupiter</artifactId>|&<scope>test</scope></dependency><dependency><groupId>org.junit.platform</groupId><artifactId>junit-platform-launcher</artifactId>|" "$work/handout/pom.xml"
fi
# The generated submissions are Part 1 (forward pass) only: Part 2's public tests would not compile against them.
rm -f "$work"/handout/src/test/java/cnn/*BackwardTest.java "$work"/handout/src/test/java/cnn/TrainingTest.java
for i in $(seq "$naive_runs"); do
  cp -r "$work/handout" "$work/naive-$i"
  cp "$work"/one/cnn/*.java "$work/naive-$i/src/main/java/cnn/"
  # Failing public tests are expected (the naive way runs them all); a build that does not run is not.
  (cd "$work/naive-$i" && timed "$work/naive-$i.time" mvn -o -q -B test -Dmaven.test.failure.ignore=true > mvn.log 2>&1) \
    || { echo "the naive Maven build failed:"; tail -20 "$work/naive-$i/mvn.log"; exit 1; }
done
naive_wall=$(cat "$work"/naive-*.time | awk '{print $1}' | mean)
naive_cpu=$(cat "$work"/naive-*.time | awk '{print $2 + $3}' | mean)

# 3. Floor: javac of the same files and a java that runs an empty main, both fresh JVMs.
printf 'public class Noop { public static void main(String[] a) { } }\n' > "$work/Noop.java"
for i in $(seq "$floor_runs"); do
  timed "$work/javac-$i.time" javac -d "$work/floor-$i" "$work"/one/cnn/*.java "$work/Noop.java"
  timed "$work/java-$i.time" java -cp "$work/floor-$i" Noop
  paste "$work/javac-$i.time" "$work/java-$i.time" | awk '{print $1 + $5, $2 + $3 + $6 + $7}' > "$work/floor-$i.time"
done
floor_wall=$(cat "$work"/floor-*.time | awk '{print $1}' | mean)
floor_cpu=$(cat "$work"/floor-*.time | awk '{print $2}' | mean)

echo
echo "Benchmark $(date -u +%Y-%m-%d) (grader JVM: $grader_opts) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg): $n submissions, --jobs $jobs, $rows gradebook rows"
printf '%-38s %12s %12s\n' "per submission" "wall s" "cpu s"
printf '%-38s %12s %12s\n' "ours (grade --class, total / N)" "$ours_wall" "$ours_cpu"
printf '%-38s %12s %12s\n' "naive (handout + mvn -o -q test)" "$naive_wall" "$naive_cpu"
printf '%-38s %12s %12s\n' "floor (fresh javac + fresh java)" "$floor_wall" "$floor_cpu"
awk '{printf "grade of 1 submission alone: %.1f s wall, %.1f s cpu\n", $1, $2 + $3}' "$work/warm.time"
awk -v n="$n" '{printf "throughput: %.1f submissions/minute (grader JVM peak RSS %d MiB)\n", 60 * n / $1, $4 / 1024}' "$work/ours.time"
awk -v ow="$ours_wall" -v oc="$ours_cpu" -v nw="$naive_wall" -v nc="$naive_cpu" -v fw="$floor_wall" -v fc="$floor_cpu" 'BEGIN {
  printf "naive / ours: %6.1fx wall %6.1fx cpu   (floor >= 10x, goal 20x)\n", nw / ow, nc / oc
  printf "ours / floor: %6.2fx wall %6.2fx cpu   (floor <= 3x, goal 2x)\n", ow / fw, oc / fc }'
echo "worker peak RSS: $((${worker_peak:-0} / 1024)) MiB   (floor < 512 MiB)"
