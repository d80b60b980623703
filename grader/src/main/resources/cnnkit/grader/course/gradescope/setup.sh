#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (its Ubuntu base image).
# The grader compiles submissions in-process with the JDK's compiler: it needs a JDK, not only a JRE.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless
java -version
# Class-data archives for a faster start of every run (see make_archives).
bash "$(cd "$(dirname "$0")" && pwd)/make_archives"
