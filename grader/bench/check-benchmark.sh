#!/usr/bin/env bash
# Benchmark of the bytecode check alone (not part of `mvn test`): compiles the reference solutions and the sample
# class's submissions with javac, then times BytecodeCheck.check on them in one JVM (CheckBenchmark.java).
#
# Usage: grader/bench/check-benchmark.sh       (compiles the grader offline first)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -B -q -o -pl grader -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null)
cp="$root/grader/target/classes:$(cat "$work/cp.txt")"
dirs=()
javac -nowarn -d "$work/solutions" "$root"/solutions/src/main/java/cnn/*.java "$root"/exercises/src/given/java/cnn/*.java
dirs+=("$work/solutions")
java -cp "$cp" "$root/grader/bench/MakeClass.java" "$work" 8 > /dev/null
for s in "$work"/class/*; do
  src=$(find "$s" -name '*.java')
  [ -n "$src" ] || continue
  if javac -nowarn -d "$work/compiled/$(basename "$s")" $src 2> /dev/null; then
    dirs+=("$work/compiled/$(basename "$s")")
  fi
done
java -XX:+UseSerialGC -cp "$cp" "$root/grader/bench/CheckBenchmark.java" "${dirs[@]}"
