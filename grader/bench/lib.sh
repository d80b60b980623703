# Shared by the benchmark scripts (sourced, not run): the kit's pinned versions, a minimal Maven project, and
# measurement of a command with all its descendants. Expects $root (the kit's folder).

# A version property of the kit's root pom, e.g. `version junit.version`.
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }

# minimal_pom DIR: the lightest Maven project that runs JUnit tests, with the kit's JUnit, compiler, resources and
# surefire versions (a baseline: anything heavier would flatter the kit's ratios).
minimal_pom() {
  mkdir -p "$1"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>t</groupId><artifactId>minimal</artifactId><version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement><dependencies><dependency>
    <groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>$(version junit.version)</version>
    <type>pom</type><scope>import</scope>
  </dependency></dependencies></dependencyManagement>
  <dependencies><dependency>
    <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope>
  </dependency></dependencies>
  <build><plugins>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>$(version maven-compiler-plugin.version)</version></plugin>
    <plugin><artifactId>maven-resources-plugin</artifactId><version>$(version maven-resources-plugin.version)</version></plugin>
    <plugin><artifactId>maven-surefire-plugin</artifactId><version>$(version maven-surefire-plugin.version)</version></plugin>
  </plugins></build>
</project>
POM
}

# measure NAME COMMAND...: runs the command and writes NAME.m with "wall_s cpu_s peak_mib". CPU and memory count
# every descendant (worker JVMs in PID namespaces of their own included) through a cgroup v1 (cpuacct, as root);
# without one, CPU falls back to /usr/bin/time, which misses unreaped descendants, and memory is "n/a".
measure() {
  local name=$1; shift
  local cg=/sys/fs/cgroup/cpuacct/cnnkit-bench-$$ start end
  if mkdir -p "$cg" 2> /dev/null && [ -w "$cg/cgroup.procs" ]; then
    : > "$name.rss"
    ( while [ -d "$cg" ]; do   # peak of the summed resident memory of every process in the cgroup
        total=0
        for p in $(cat "$cg/cgroup.procs" 2> /dev/null); do
          kb=$(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2> /dev/null || true)
          total=$((total + ${kb:-0}))
        done
        echo "$total" >> "$name.rss"; sleep 0.1
      done ) &
    local sampler=$!
    start=$(date +%s.%N)
    bash -c 'echo $$ > "$1/cgroup.procs"; echo 0 > "$1/cpuacct.usage"; shift; exec "$@"' _ "$cg" "$@"
    end=$(date +%s.%N)
    local ns; ns=$(cat "$cg/cpuacct.usage")
    while [ -n "$(cat "$cg/cgroup.procs")" ]; do sleep 0.1; done   # the last workers are gone
    rmdir "$cg"; wait "$sampler" 2> /dev/null || true
    echo "$(echo "$end - $start" | bc) $(echo "scale=3; $ns / 1000000000" | bc) $(($(sort -n "$name.rss" | tail -1) / 1024))" > "$name.m"
  else
    /usr/bin/time -f '%e %U %S' -o "$name.time" "$@"
    awk '{print $1, $2 + $3, "n/a"}' "$name.time" > "$name.m"
  fi
}
