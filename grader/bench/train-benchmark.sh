#!/usr/bin/env bash
# Benchmark of Part 2's capstone (not part of `mvn test`): `train --reference` with the default options (10 epochs,
# learning rate 0.03, seed 1) from the learners' jar, pinned to one core with taskset, as ./cnnkit runs it. Prints
# the wall and CPU seconds of the whole command (JVM start, data, training, pictures), the training time the command
# reports, and the test accuracy. The floor: accuracy >= 0.95 in under 30 s on one core.
#
# Usage: grader/bench/train-benchmark.sh [RUNS]     (default 3 runs; builds the jar and the reference offline first)
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=$root/walkthrough/target/cnn-walkthrough.jar
reference=$root/solutions/target/classes
(cd "$root" && mvn -B -q -o -DskipTests package -pl walkthrough -am > /dev/null)
(cd "$root" && mvn -B -q -o compile -pl solutions -am > /dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pin=()
command -v taskset > /dev/null && pin=(taskset -c 0)
echo "train --reference, default options, ${pin[*]:-no taskset}, load $(cut -d' ' -f1 /proc/loadavg):"
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e %U %S' -o "$work/time" "${pin[@]}" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" \
    train --reference --reference-classes "$reference" --out "$work/out" > "$work/out.txt" 2> "$work/err.txt"
  read -r wall user sys < "$work/time"
  trained=$(grep -o 'trained in [0-9.]* s' "$work/err.txt" | grep -o '[0-9.]*' | head -1)
  printf 'run %d: %6.2f s wall, %6.2f s CPU, training %s s; %s\n' "$i" "$wall" "$(echo "$user + $sys" | bc)" \
    "$trained" "$(tail -1 "$work/out.txt")"
done
