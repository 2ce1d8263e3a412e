#!/usr/bin/env node
// The linker of the PDF worker's release build (scripts/trunk-post-build.mjs relinks the
// worker through it: `cargo rustc … -- -C linker=scripts/link-pdf-worker.mjs`): rust-lld
// with the same arguments, less the `--export` of printpdf's JavaScript API (`Pdf_*`, and
// wasm-bindgen's descriptions of it), which printpdf exports unconditionally and the worker
// never calls. Unexported, that API is dropped at link time with everything only it reaches,
// its constant data and the functions of its trait objects included, which wasm-metadce
// (functions only, after linking) could not drop.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const kept = [];
let dropped = 0;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--export' && /(^|_)Pdf_/.test(args[i + 1] || '')) { dropped++; i++; continue; }
  if (/^--export=(.*_)?Pdf_/.test(args[i])) { dropped++; continue; }
  kept.push(args[i]);
}
if (dropped === 0) {
  console.error('link-pdf-worker: no Pdf_* export to drop; check scripts/link-pdf-worker.mjs');
  process.exit(1);
}
const flavor = kept[0] === '-flavor' ? [] : ['-flavor', 'wasm'];
const run = spawnSync('rust-lld', [...flavor, ...kept], { stdio: 'inherit' });
if (run.error) { console.error(`link-pdf-worker: ${run.error.message}`); process.exit(1); }
process.exit(run.status ?? 1);
