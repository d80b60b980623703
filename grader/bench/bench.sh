#!/usr/bin/env bash
# Benchmark of grading's cost (not part of `mvn test`). In one run, side by side on this machine, it measures:
#   ours    `grade --class` of N and of BIG generated submissions (--jobs JOBS), every descendant counted;
#   naive   the lightest per-submission Maven run: one submission in a minimal Maven project with three lecture
#           checks, `mvn -o -q test`, warm repository (after one untimed warm-up run);
#   single  Gradescope's case end to end: the autograder zip's `run_autograder` on one submission (after its
#           `make_archives` ran once, untimed, as Gradescope's setup.sh does when it builds the image), against
#   bare    one `java` that runs the same hidden checks in-process on the already compiled classes, no isolation;
# and prints the four figures of issue 16 with their floors: naive/ours at N (>= 20x) and at BIG (>= 40x), CPU
# seconds per submission in steady state ((BIG run - N run) / (BIG - N), <= 0.15), single/bare (<= 2x), and the
# peak of the summed resident memory of all the grader's processes at --jobs JOBS (<= 768 MiB).
#
# Usage: grader/bench/bench.sh [N [BIG]]   (defaults 40 400; env: JOBS=2, NAIVE=3 Maven runs, SINGLE=3 runs each,
#        GRADER_JAVA_OPTS as in ./cnnkit, KEEP=1 keeps the work folder)
set -euo pipefail
n=${1:-40}
big=${2:-400}
jobs=${JOBS:-2}
naive_runs=${NAIVE:-3}
single_runs=${SINGLE:-3}
grader_opts=${GRADER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}  # as in ./cnnkit
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=lib.sh
. "$root/grader/bench/lib.sh"
jar=$root/grader/target/cnn-grader.jar
[ -f "$jar" ] || (cd "$root" && mvn -B -q -o -DskipTests package -pl similarity,grader -am)
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
field() { awk -v f="$2" '{print $f}' "$1.m"; }
mean() { awk -v f="$1" '{s += $f} END {printf "%.3f", s / NR}'; }
per() { echo "scale=4; $1 / $2" | bc; }

java -cp "$jar" "$root/grader/bench/MakeClass.java" "$work/small" "$n" > /dev/null
java -cp "$jar" "$root/grader/bench/MakeClass.java" "$work/big" "$big" > /dev/null
one=$work/small/one   # one correct submission (cnn/*.java)

# Naive: the minimal Maven project, its three checks on the lecture's example (read from lecture-data's CSVs).
csv() { grep -v '^#' "$root/lecture-data/$1.csv" | sed 's/.*/{&}/' | paste -sd, | sed 's/.*/new double[][] {&}/'; }
naive=$work/naive
minimal_pom "$naive"
mkdir -p "$naive/src/main/java/cnn" "$naive/src/test/java/cnn" "$naive/.mvn"
cp "$one"/cnn/*.java "$naive/src/main/java/cnn/"
cat > "$naive/src/test/java/cnn/LectureTest.java" <<JAVA
package cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LectureTest {
    static final double[][] IMAGE = $(csv Convolution/image);
    static final double[][] DETECTOR = $(csv Convolution/feature-detector);

    @Test
    void convolution() {
        assertArrayEquals($(csv Convolution/feature-map), Convolution.convolve(IMAGE, DETECTOR));
    }

    @Test
    void relu() {
        assertArrayEquals($(csv Relu/feature-map), Relu.apply($(csv Convolution/feature-map)));
    }

    @Test
    void maxPooling() {
        assertArrayEquals($(csv MaxPooling/pooled-map), MaxPooling.pool($(csv Convolution/feature-map)));
    }
}
JAVA
echo "-q" > "$naive/.mvn/maven.config"
(cd "$naive" && mvn -o -q -B test > "$work/naive-warm.log" 2>&1) \
  || { echo "the naive Maven build failed:"; tail -20 "$work/naive-warm.log"; exit 1; }
naive_run() {
  rm -rf "$naive/target"
  (cd "$naive" && measure "$work/naive-$1" mvn -o -q -B test > "$work/naive-$1.log" 2>&1)
}
# Ours, a whole class per run, between naive runs: the machine's speed drifts over minutes, and the naive mean
# then spans both classes' runs instead of the minutes after them.
ours_run() {
  # shellcheck disable=SC2086
  measure "$work/ours-$1" java $grader_opts -Dcnnkit.timing=true -jar "$jar" grade --class "$work/$1/class" --jobs "$jobs" \
    --out "$work/$1/out" > "$work/ours-$1.log" 2>&1
}
naive_run 1
ours_run small
for i in $(seq 2 "$naive_runs"); do
  naive_run "$i"
  [ "$i" != 2 ] || ours_run big
done
[ "$naive_runs" -ge 2 ] || ours_run big

# Single: run_autograder end to end, against the bare in-process checks; alternating, after one warm-up each.
java -jar "$jar" gradescope --out "$work/autograder.zip" > /dev/null
mkdir -p "$work/ag/source" "$work/bare/classes"
(cd "$work/ag/source" && unzip -q "$work/autograder.zip")
bash "$work/ag/source/make_archives" > /dev/null   # setup.sh's part, once per image (the zip's own JVM flags)
cp -r "$one" "$work/ag/submission"
javac -d "$work/bare/classes" "$one"/cnn/*.java
javac -cp "$jar" -d "$work/bare" "$root/grader/bench/BareChecks.java"
# shellcheck disable=SC2086
bare_cmd=(java $grader_opts -cp "$jar:$work/bare" BareChecks "$work/bare/classes")
single_cmd=(env AUTOGRADER_ROOT="$work/ag" bash "$work/ag/source/run_autograder")
"${bare_cmd[@]}" > "$work/bare.log" && "${single_cmd[@]}" > /dev/null 2>&1
for i in $(seq "$single_runs"); do
  measure "$work/bare-$i" "${bare_cmd[@]}" > "$work/bare.log"
  measure "$work/single-$i" "${single_cmd[@]}" > /dev/null 2>&1
done
grep -q '"score": 100' "$work/ag/results/results.json" || { echo "run_autograder did not give 100:"; head -c 600 "$work/ag/results/results.json"; exit 1; }

for kind in naive bare single; do
  cat "$work"/$kind-*.m > "$work/$kind.all"
done
ours_small_wall=$(per "$(field "$work/ours-small" 1)" "$n"); ours_small_cpu=$(per "$(field "$work/ours-small" 2)" "$n")
ours_big_wall=$(per "$(field "$work/ours-big" 1)" "$big"); ours_big_cpu=$(per "$(field "$work/ours-big" 2)" "$big")
steady_cpu=$(per "$(echo "$(field "$work/ours-big" 2) - $(field "$work/ours-small" 2)" | bc)" $((big - n)))
naive_wall=$(mean 1 < "$work/naive.all"); naive_cpu=$(mean 2 < "$work/naive.all")
bare_wall=$(mean 1 < "$work/bare.all"); bare_cpu=$(mean 2 < "$work/bare.all")
single_wall=$(mean 1 < "$work/single.all"); single_cpu=$(mean 2 < "$work/single.all")
peak=$(field "$work/ours-small" 3); peak_big=$(field "$work/ours-big" 3)
# JPlag's part (the grader JVM's CPU while it compared every pair), from the timing line of each run
jplag() { sed -n 's/^similarity of [0-9]*: [0-9.]* s, \([0-9.]*\) CPU s$/\1/p' "$work/ours-$1.log"; }
jplag_small=$(jplag small); jplag_big=$(jplag big)
steady_grading=$(per "$(echo "$(field "$work/ours-big" 2) - $jplag_big - $(field "$work/ours-small" 2) + $jplag_small" | bc)" $((big - n)))

echo "Benchmark $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), grader JVM: $grader_opts, --jobs $jobs; $(cat "$work/bare.log")"
printf '%-58s %9s %9s\n' "per submission" "wall s" "CPU s"
printf '%-58s %9.3f %9.3f\n' "ours, grade --class of $n" "$ours_small_wall" "$ours_small_cpu" \
  "ours, grade --class of $big" "$ours_big_wall" "$ours_big_cpu" \
  "naive: minimal Maven project, 3 lecture checks ($naive_runs runs)" "$naive_wall" "$naive_cpu" \
  "single: run_autograder end to end ($single_runs runs)" "$single_wall" "$single_cpu" \
  "bare: one java, hidden checks in-process ($single_runs runs)" "$bare_wall" "$bare_cpu"
verdict() { if [ "$(echo "scale=4; $1" | bc)" = 1 ]; then echo met; else echo "NOT met"; fi; }
r() { echo "scale=2; $1 / $2" | bc; }
echo "naive/ours at $n:   $(r "$naive_wall" "$ours_small_wall")x wall, $(r "$naive_cpu" "$ours_small_cpu")x CPU" \
  "(floor 20x: $(verdict "$naive_wall / $ours_small_wall >= 20 && $naive_cpu / $ours_small_cpu >= 20"))"
echo "naive/ours at $big:  $(r "$naive_wall" "$ours_big_wall")x wall, $(r "$naive_cpu" "$ours_big_cpu")x CPU" \
  "(floor 40x: $(verdict "$naive_wall / $ours_big_wall >= 40 && $naive_cpu / $ours_big_cpu >= 40"))"
echo "steady state:       $steady_cpu CPU s per submission (floor 0.15: $(verdict "$steady_cpu <= 0.15"));" \
  "JPlag took $jplag_small CPU s at $n, $jplag_big at $big (every pair: grows with the square), $steady_grading without it"
echo "single/bare:        $(r "$single_wall" "$bare_wall")x wall, $(r "$single_cpu" "$bare_cpu")x CPU" \
  "(floor 2x: $(verdict "$single_wall / $bare_wall <= 2 && $single_cpu / $bare_cpu <= 2"))"
echo "peak memory:        $peak MiB at $n, $peak_big MiB at $big, all processes (floor 768 MiB:" \
  "$(verdict "$peak <= 768 && $peak_big <= 768"))"
