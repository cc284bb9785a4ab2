// Drops wasm exports the panel never calls, so wasm-opt can delete the code behind them.
// leptos links server_fn, which links wasm-streams, whose #[wasm_bindgen] stream adapters are
// exported (and so kept) although a client-side panel never streams. About 2 KB gzipped.
import fs from "node:fs";
import binaryen from "binaryen";

const [file] = process.argv.slice(2);
const mod = binaryen.readBinary(fs.readFileSync(file));
const unused = [];
for (let i = 0; i < mod.getNumExports(); i++) {
  const { name } = binaryen.getExportInfo(mod.getExportByIndex(i));
  if (name.startsWith("intounderlying")) unused.push(name);
}
unused.forEach((name) => mod.removeExport(name));
fs.writeFileSync(file, mod.emitBinary());
console.log(`strip-exports: dropped ${unused.length} unused exports`);
