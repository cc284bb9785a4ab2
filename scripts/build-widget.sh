#!/usr/bin/env bash
# Builds the panel and the loader into widget/dist, which the server embeds at compile time:
# cargo for wasm32 with the size profile, wasm-bindgen (CLI pinned to the crate), the unused
# exports dropped, wasm-opt -Oz, and terser for the JavaScript.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bin=node_modules/.bin

cargo build -p porthole-widget --target wasm32-unknown-unknown --profile wasm-release --locked
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name porthole_widget \
  target/wasm32-unknown-unknown/wasm-release/porthole_widget.wasm
node widget/strip-exports.mjs "$out/porthole_widget_bg.wasm"
# --converge repeats the passes until they stop paying: about 0.7 KB gzipped here.
"$bin/wasm-opt" -Oz --converge --strip-debug --strip-producers "$out/porthole_widget_bg.wasm" -o "$out/porthole_widget_bg.wasm"
# The glue also defines JS classes for those dropped stream exports; unexported, terser
# removes them as the dead code they are.
sed -i 's/^export class IntoUnderlying/class IntoUnderlying/' "$out/porthole_widget.js"
"$bin/terser" "$out/porthole_widget.js" --module --compress --mangle -o "$out/porthole_widget.js"
# Fields of the loader's private state start with "_" and may be renamed; nothing else may.
"$bin/terser" loader.js --ecma 2020 --compress passes=3 --mangle --toplevel \
  --mangle-props 'regex=/^_/' --comments false -o "$out/loader.js"
# The stylesheet loses its comments and indentation; nothing cleverer is needed.
for css in style:widget pages:pages; do
  sed -e 's|/\*.*\*/||g' -e '/\/\*/,/\*\//d' -e 's/^ *//' -e '/^$/d' "widget/${css%%:*}.css" > "$out/${css##*:}.css"
done

mkdir -p widget/dist
cp "$out"/{loader.js,porthole_widget.js,porthole_widget_bg.wasm,widget.css,pages.css} widget/dist/
echo "widget/dist:" && ls -l widget/dist | tail -n +2
