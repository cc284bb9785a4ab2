#!/usr/bin/env bash
# Builds the panel and the loader into widget/dist, which the server embeds at compile time:
# cargo for wasm32 with the size profile, wasm-bindgen (CLI pinned to the crate), the unused
# exports dropped, wasm-opt -Oz, and terser for the JavaScript.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bin=node_modules/.bin
wasm=target/wasm32-unknown-unknown/wasm-release

# The three wasm crates first: cargo does nothing when their sources are unchanged.
for crate in porthole-widget porthole-widget-extras porthole-console; do
  cargo build -p "$crate" --target wasm32-unknown-unknown --profile wasm-release --locked
done
# The rest (wasm-bindgen, wasm-opt, terser) takes a minute and gives the same bytes for the
# same inputs; when nothing it reads has changed, widget/dist is already right. Leaving it
# untouched also keeps the server from being rebuilt, since build.rs embeds widget/dist.
inputs=$(cat "$wasm"/porthole_widget.wasm "$wasm"/porthole_widget_extras.wasm "$wasm"/porthole_console.wasm \
  loader.js widget/*.css console/console.css widget/strip-exports.mjs "$0" | sha256sum | cut -d' ' -f1)
if [ "$(cat widget/dist/.inputs 2>/dev/null)" = "$inputs" ]; then
  echo "widget/dist: up to date"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name porthole_widget \
  "$wasm"/porthole_widget.wasm
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
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name porthole_extras \
  "$wasm"/porthole_widget_extras.wasm
node widget/strip-exports.mjs "$out/porthole_extras_bg.wasm"
"$bin/wasm-opt" -Oz --converge --strip-debug --strip-producers "$out/porthole_extras_bg.wasm" -o "$out/porthole_extras_bg.wasm"
sed -i 's/^export class IntoUnderlying/class IntoUnderlying/' "$out/porthole_extras.js"
echo 'await __wbg_init({ module_or_path: "__ASSET:porthole_extras_bg.wasm__" });' >> "$out/porthole_extras.js"
"$bin/terser" "$out/porthole_extras.js" --module --compress --mangle -o "$out/porthole_extras.js"

# The agents' console (console/), its own bundle, loaded only by /console: the widget's
# budgets never pay for it.
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name porthole_console \
  "$wasm"/porthole_console.wasm
node widget/strip-exports.mjs "$out/porthole_console_bg.wasm"
"$bin/wasm-opt" -Oz --strip-debug --strip-producers "$out/porthole_console_bg.wasm" -o "$out/porthole_console_bg.wasm"
sed -i 's/^export class IntoUnderlying/class IntoUnderlying/' "$out/porthole_console.js"
echo 'await __wbg_init({ module_or_path: "__ASSET:porthole_console_bg.wasm__" });' >> "$out/porthole_console.js"
"$bin/terser" "$out/porthole_console.js" --module --compress --mangle -o "$out/porthole_console.js"
sed -e 's|/\*.*\*/||g' -e '/\/\*/,/\*\//d' -e 's/^ *//' -e '/^$/d' console/console.css > "$out/console.css"

mkdir -p widget/dist
# Only what changed is written, so the server rebuilds only when the panel did.
for file in loader.js porthole_widget.js porthole_widget_bg.wasm porthole_extras.js porthole_extras_bg.wasm \
  extras.css widget.css pages.css porthole_console.js porthole_console_bg.wasm console.css; do
  cmp -s "$out/$file" "widget/dist/$file" || cp "$out/$file" "widget/dist/$file"
done
echo "$inputs" > widget/dist/.inputs
echo "widget/dist:" && ls -l widget/dist | tail -n +2
