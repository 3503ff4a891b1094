#!/usr/bin/env bash
# Builds the desk's browser script (htmx + the Tiptap body editor) with esbuild from the locked npm packages.
# Run by Maven (exec-maven-plugin, generate-resources); needs npm (Debian: apt-get install npm).
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v npm >/dev/null 2>&1; then
  echo "desk-service: npm not found. The desk's script is built with npm and esbuild: install npm (Debian/Ubuntu: apt-get install npm) and build again." >&2
  exit 1
fi
# npm ci only when the lock file changed since the last install
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
out=target/generated-resources/META-INF/resources/assets
mkdir -p "$out"
node_modules/.bin/esbuild src/main/js/desk.js --bundle --minify --format=iife --target=es2020 --legal-comments=none \
  --outfile="$out/desk.js" --log-level=warning
limit=$((250 * 1024))
size=$(gzip -9 -c "$out/desk.js" | wc -c)
if [ "$size" -gt "$limit" ]; then
  echo "desk-service: the script bundle is $size bytes gzipped, over the budget of $limit" >&2
  exit 1
fi
echo "desk-service: desk.js $(wc -c <"$out/desk.js") bytes, $size gzipped"
