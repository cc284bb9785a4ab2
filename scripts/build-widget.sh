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
for css in style:widget pages:pages extras:extras; do
  sed -e 's|/\*.*\*/||g' -e '/\/\*/,/\*\//d' -e 's/^ *//' -e '/^$/d' "widget/${css%%:*}.css" > "$out/${css##*:}.css"
done

# The lazily loaded module (widget/extras), built the same way. Its script starts itself once
# loaded: it initialises its wasm, whose served name build.rs writes in for __ASSET:…__.
cargo build -p porthole-widget-extras --target wasm32-unknown-unknown --profile wasm-release --locked
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name porthole_extras \
  target/wasm32-unknown-unknown/wasm-release/porthole_widget_extras.wasm
node widget/strip-exports.mjs "$out/porthole_extras_bg.wasm"
"$bin/wasm-opt" -Oz --converge --strip-debug --strip-producers "$out/porthole_extras_bg.wasm" -o "$out/porthole_extras_bg.wasm"
sed -i 's/^export class IntoUnderlying/class IntoUnderlying/' "$out/porthole_extras.js"
echo 'await __wbg_init({ module_or_path: "__ASSET:porthole_extras_bg.wasm__" });' >> "$out/porthole_extras.js"
"$bin/terser" "$out/porthole_extras.js" --module --compress --mangle -o "$out/porthole_extras.js"

# The agents' console (console/), its own bundle, loaded only by /console: the widget's
# budgets never pay for it.
cargo build -p porthole-console --target wasm32-unknown-unknown --profile wasm-release --locked
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name porthole_console \
  target/wasm32-unknown-unknown/wasm-release/porthole_console.wasm
node widget/strip-exports.mjs "$out/porthole_console_bg.wasm"
"$bin/wasm-opt" -Oz --strip-debug --strip-producers "$out/porthole_console_bg.wasm" -o "$out/porthole_console_bg.wasm"
sed -i 's/^export class IntoUnderlying/class IntoUnderlying/' "$out/porthole_console.js"
echo 'await __wbg_init({ module_or_path: "__ASSET:porthole_console_bg.wasm__" });' >> "$out/porthole_console.js"
"$bin/terser" "$out/porthole_console.js" --module --compress --mangle -o "$out/porthole_console.js"
sed -e 's|/\*.*\*/||g' -e '/\/\*/,/\*\//d' -e 's/^ *//' -e '/^$/d' console/console.css > "$out/console.css"

mkdir -p widget/dist
cp "$out"/{loader.js,porthole_widget.js,porthole_widget_bg.wasm,porthole_extras.js,porthole_extras_bg.wasm,extras.css,widget.css,pages.css,porthole_console.js,porthole_console_bg.wasm,console.css} widget/dist/
echo "widget/dist:" && ls -l widget/dist | tail -n +2
