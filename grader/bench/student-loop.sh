#!/usr/bin/env bash
# The student's loop (not part of `mvn test`): a warm `mvn test` in a fresh handout against a warm `mvn test` of a
# trivial one-test Maven project with the same JUnit, compiler and surefire versions, measured side by side in one
# run (alternating, after one warm-up run each), offline, on the same machine. Prints each run and the ratio of the
# medians. Also counts the lines one crashing step prints (SHOW=1 prints them).
#
# Usage: grader/bench/student-loop.sh [RUNS]     (default 5 timed runs each)
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=$root/grader/target/cnn-grader.jar
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests package -pl grader -am)
fi
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
java -jar "$jar" handout --out "$work/handout" > /dev/null

# The trivial project: a minimal pom (lib.sh) with the same JUnit, compiler and surefire, one test that passes.
# shellcheck source=lib.sh
. "$root/grader/bench/lib.sh"
trivial=$work/trivial
minimal_pom "$trivial"
mkdir -p "$trivial/src/test/java/t"
cat > "$trivial/src/test/java/t/TrivialTest.java" <<'JAVA'
package t;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrivialTest {
    @Test
    void adds() {
        assertEquals(2, 1 + 1);
    }
}
JAVA
cp -r "$work/handout/.mvn" "$trivial/.mvn"   # the same quiet Maven on both sides

mvn_test() { (cd "$1" && mvn -o test > "$2" 2>&1) || true; }   # the fresh handout's tests fail: that is the point
secs() { local s; s=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $s" | bc; }
mvn_test "$work/handout" /dev/null && mvn_test "$trivial" /dev/null   # warm-up: compile once, fill the OS cache
: > "$work/h" && : > "$work/t"
for i in $(seq "$runs"); do
  secs mvn_test "$work/handout" "$work/handout.out" >> "$work/h"
  secs mvn_test "$trivial" "$work/trivial.out" >> "$work/t"
done
median() { sort -n "$1" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
h=$(median "$work/h"); t=$(median "$work/t")
echo "warm mvn test, $runs runs each, alternating: handout (fresh, stubs) median ${h}s: $(tr '\n' ' ' < "$work/h")"
echo "                                    trivial one-test project median ${t}s: $(tr '\n' ' ' < "$work/t")"
echo "ratio handout / trivial: $(echo "scale=2; $h / $t" | bc)x (goal: at most 1.5x)"

# One crashing step: every step solved with the reference but Max pooling, whose loop reads past the map (the
# handout build test's file).
if [ -d "$root/solutions/src/main/java/cnn" ]; then
  cp "$root"/solutions/src/main/java/cnn/*.java "$work/handout/src/main/java/cnn/"
  cp "$root/grader/src/test/resources/handout-crash/MaxPooling.java" "$work/handout/src/main/java/cnn/MaxPooling.java"
  mvn_test "$work/handout" "$work/one-step.out"
  echo "one crashing step (MaxPooling): $(wc -l < "$work/one-step.out") lines of mvn test output"
  [ -z "${SHOW:-}" ] || cat "$work/one-step.out"
fi
