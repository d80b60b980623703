#!/usr/bin/env bash
# Screenshot of the walkthrough's HTML page, for humans who want to see what a learner sees.
#
#   walkthrough/scripts/screenshot-walkthrough.sh [PAGE.html] [OUT.png]
#
# Without PAGE.html it writes one first from the kit's reference (needs the walkthrough jar:
# mvn -q -pl walkthrough -am package -DskipTests). Needs Chromium (Debian: apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
page="${1:-}"
out="${2:-walkthrough.png}"
if [[ -z "$page" ]]; then
  page="$(mktemp -d)/walkthrough.html"
  java -jar walkthrough/target/cnn-walkthrough.jar walkthrough --reference --speed 0 --html "$page" > /dev/null
fi
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "screenshot-walkthrough: no Chromium found (Debian: apt-get install -y chromium)" >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --window-size=1200,4200 \
  --screenshot="$(realpath -m "$out")" "file://$(realpath "$page")" 2> /dev/null
echo "wrote $out"
