// trunk post_build hook, run in $TRUNK_STAGING_DIR before trunk copies it to dist/:
// 1. replaces trunk's inline boot script by boot.js (static/boot.js: checks that the browser
//    can run the app, then starts it), so the Content-Security-Policy can forbid inline
//    scripts entirely (script-src 'self'), and appends the service worker registration to it;
// 2. strips from the PDF worker the JavaScript API that printpdf exports unconditionally
//    (`Pdf_*`: PDF parser, SVG renderer, JSON model; about 1 MB): release builds link the
//    worker again without it (relinkWorker), other builds drop it with binaryen's wasm-metadce,
//    then optimises it with wasm-opt -Oz (trunk is told not to, to do it once), and drops
//    the JavaScript wrappers wasm-bindgen wrote for those exports;
//    It also blanks printpdf's Coated FOGRA39 ICC profile (654 KB, 486 KB gzip): printpdf links
//    it for PDF/X and PDF/A output, which our reports never ask for (src/report/mod.rs sets a
//    custom conformance without ICC and tests it). The e2e tests check that the browser's PDF
//    stays byte-identical to the command line's, which keeps the real profile;
// 3. splits the app's WebAssembly at the split points of src/web/lazy.rs (wasm-split, from
//    wasm_split_cli_support), so the first load holds the home page only: wasm-split reads
//    the module cargo built (linked with --emit-relocs, see build.rs), writes the
//    main module and one module per split point (plus shared chunks) and a loader
//    (__wasm_split.js); wasm-bindgen then runs on the main module in place of trunk's run,
//    wasm-streams' unused classes are dropped (dropStreamClasses), every module gets
//    wasm-opt -Oz (release), the loader and modules get content-hashed names, and
//    index.html's integrity hashes are updated;
// 4. release builds: minifies every script but sw.js, whose file list the tests read (terser,
//    pinned in tools/package.json), before it is hashed, the style sheet (csso, without
//    reordering rules) and index.html's comments: 5.3 KB gzip less on the first load (app glue
//    8.6 -> 6.4, style sheet 5.3 -> 3.8), 0.9 on the PDF worker;
// 5. release builds: packs the modules loaded after the first screen in one xz file, which
//    the service worker unpacks into its cache (packModules);
// 6. writes sw.js from static/sw.js with this build's file list, the pack's contents and a
//    version derived from the files' contents (a new build = a new cache).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));

const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) throw new Error('trunk boot script not found in index.html');
// Trunk's script imports the app and starts it; boot.js (static/boot.js) does the same after
// checking that the browser can run it, and says so in the page when it cannot.
const appJs = m[1].match(/^import init, \* as bindings from '(\.\/app-[0-9a-f]+\.js)';$/m);
const appWasm = m[1].match(/init\(\{ module_or_path: '(\.\/app-[0-9a-f]+_bg\.wasm)' \}\)/);
if (!appJs || !appWasm || !m[1].includes('window.wasmBindings = bindings')) {
  throw new Error(`post-build: trunk's boot script changed shape; update static/boot.js:\n${m[1]}`);
}
const boot = fs.readFileSync(path.join(root, 'static', 'boot.js'), 'utf8')
  .replace('__APP_JS__', appJs[1]).replace('__APP_WASM__', appWasm[1]);
const register = fs.readFileSync(path.join(root, 'static', 'register-sw.js'), 'utf8');
fs.writeFileSync(path.join(dir, 'boot.js'), boot + '\n' + register);
minifyJs(path.join(dir, 'boot.js'), false);
minifyJs(path.join(dir, 'unsupported.js'), false);
html = html.replace(inline, '<script type="module" src="./boot.js"></script>');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
fs.writeFileSync(indexPath, html);

for (const name of fs.readdirSync(dir).filter((f) => /^pdf_worker.*_bg\.wasm$/.test(f))) {
  const file = path.join(dir, name);
  const before = fs.statSync(file).size;
  if (process.env.TRUNK_PROFILE === 'release') relinkWorker(name);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(file)));
  const unused = (e) => e.name.startsWith('Pdf_');
  // Every other export is a root; the unused ones are left unreached, so metadce drops them.
  const graph = exports.map((e) => ({ name: `export:${e.name}`, export: e.name, ...(unused(e) ? {} : { root: true }) }));
  const removed = exports.filter(unused).map((e) => e.name);
  const graphFile = path.join(dir, 'metadce-graph.json');
  fs.writeFileSync(graphFile, JSON.stringify(graph));
  const bin = path.join(root, 'tools', 'node_modules', '.bin');
  execFileSync(path.join(bin, 'wasm-metadce'), ['--graph-file', graphFile, file, '-o', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  fs.rmSync(graphFile);
  const blanked = blankIccProfile(file);
  const license = blankIccLicense(file);
  wasmOpt(file);
  dropJsWrappers(path.join(dir, name.replace(/_bg\.wasm$/, '.js')), removed);
  minifyJs(path.join(dir, name.replace(/_bg\.wasm$/, '.js')), false);
  console.log(`post-build: ${name}: ${process.env.TRUNK_PROFILE === 'release' ? 'relinked without printpdf\'s Pdf_* exports, ' : ''}removed ${removed.length} exports (${removed.join(', ')}), blanked ${blanked} bytes of ICC profile and ${license} of its licence, ${(before / 1024).toFixed(0)} KB -> ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
}

// Trunk's worker shim calls `wasm_bindgen(path)`, which wasm-bindgen deprecates (a warning in
// the console at every export): pass the path the way it asks, `{ module_or_path }`.
{
  const shim = path.join(dir, 'pdf_worker_loader.js');
  const text = fs.readFileSync(shim, 'utf8');
  const call = /wasm_bindgen\((["'])(\.\/pdf_worker[^"']*_bg\.wasm)\1\);/;
  if (!call.test(text)) throw new Error(`post-build: trunk's worker shim changed shape:\n${text}`);
  fs.writeFileSync(shim, text.replace(call, (_, q, p) => `wasm_bindgen({module_or_path:${q}${p}${q}});`));
}

/** Release builds: links the worker again without printpdf's JavaScript API (cargo rustc with
 *  scripts/link-pdf-worker.mjs as its linker, which leaves out the `Pdf_*` exports) and redoes
 *  trunk's wasm-bindgen step on it (same target and options), in place of trunk's output.
 *  Why: wasm-metadce below drops that API's functions after linking, but not its constant
 *  data nor the functions its trait objects reach; unexported at link time they all go
 *  (measured: 444.8 -> 412.7 KB gzip). Costs the worker's final link (LTO) once more per build,
 *  and trunk's next build links it again (its flags differ). Fails the build if any `Pdf_`
 *  export is left. */
function relinkWorker(name) {
  const stem = name.replace(/_bg\.wasm$/, '');
  const linker = path.join(root, 'scripts', 'link-pdf-worker.mjs');
  execFileSync('cargo', ['rustc', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown',
    '--no-default-features', '--features', 'pdf-worker', '--bin', 'pdf_worker', '--', '-C', `linker=${linker}`],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const built = path.join(targetDir, 'wasm32-unknown-unknown', 'wasm-release', 'pdf_worker.wasm');
  const left = WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(built))).filter((e) => e.name.includes('Pdf_'));
  if (left.length) throw new Error(`post-build: the relinked PDF worker still exports ${left.map((e) => e.name).join(', ')}`);
  const tmp = fs.mkdtempSync(path.join(dir, '.worker-'));
  try {
    execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-name', stem, '--out-dir', tmp, built], { stdio: 'inherit' });
    for (const f of [`${stem}_bg.wasm`, `${stem}.js`]) fs.copyFileSync(path.join(tmp, f), path.join(dir, f));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Drops wasm-bindgen's JavaScript wrappers (and their doc comments) of the exports that
 *  metadce removed: they could only call into exports that are gone. Fails the build unless
 *  exactly one wrapper per removed export is found. */
function dropJsWrappers(js, removed) {
  const text = fs.readFileSync(js, 'utf8');
  const wrapper = /\n(    \/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?    function (\w+)\([^)]*\) \{\n[\s\S]*?\n    \}\n    exports\.\2 = \2;\n/g;
  const dropped = [];
  const kept = text.replace(wrapper, (all, doc, fn) => (removed.includes(fn) ? (dropped.push(fn), '\n') : all));
  if (dropped.length !== removed.length || new Set(dropped).size !== dropped.length) {
    throw new Error(`${js}: found wrappers for ${dropped.join(', ') || 'none'} of ${removed.join(', ')}; check scripts/trunk-post-build.mjs`);
  }
  fs.writeFileSync(js, kept);
}

/** Zeroes printpdf's FOGRA39 ICC profile in place (found by its header: big-endian size,
 *  then 'acsp' at offset 36, and its own description); wasm-opt then drops the zeros.
 *  Fails the build if the profile is not found, so a printpdf upgrade cannot slip past. */
function blankIccProfile(file) {
  const buf = fs.readFileSync(file);
  let at = buf.indexOf('acsp');
  for (; at !== -1; at = buf.indexOf('acsp', at + 4)) {
    const start = at - 36;
    if (start < 0) continue;
    const size = buf.readUInt32BE(start);
    if (size < 100000 || start + size > buf.length) continue;
    const profile = buf.subarray(start, start + size);
    if (profile.indexOf('Coated FOGRA39') === -1) continue;
    profile.fill(0);
    fs.writeFileSync(file, buf);
    return size;
  }
  throw new Error(`${file}: printpdf's FOGRA39 ICC profile not found; check scripts/trunk-post-build.mjs`);
}

/** Zeroes the licence text printpdf writes next to that profile (its OutputIntent's /License,
 *  src/res/CoatedFOGRA39.icc.LICENSE.txt, 20 KB): printpdf reads it in the same branch as the
 *  profile (serialize.rs: `if conformance.must_have_icc_profile()`), which our reports never
 *  take. Found by its first and last words; fails the build if they are not found once. */
function blankIccLicense(file) {
  const buf = fs.readFileSync(file);
  const head = Buffer.from('ADOBE SYSTEMS INCORPORATED \n                    COLOR PROFILE BUNDLING AGREEMENT');
  const tail = Buffer.from('signed by an authorized signatory of\nAdobe.\n');
  const at = buf.indexOf(head);
  if (at === -1 || buf.indexOf(head, at + 1) !== -1) throw new Error(`${file}: printpdf's ICC profile licence not found once; check scripts/trunk-post-build.mjs`);
  const start = buf.lastIndexOf('\n', at);
  // The text holds two agreements that end alike: blank through the last ending.
  let end = -1;
  for (let i = buf.indexOf(tail, at); i !== -1 && i + tail.length - start <= 25000; i = buf.indexOf(tail, i + 1)) end = i + tail.length;
  if (start === -1 || end === -1 || end - start < 15000) throw new Error(`${file}: printpdf's ICC profile licence has an unexpected shape; check scripts/trunk-post-build.mjs`);
  buf.fill(0, start, end);
  fs.writeFileSync(file, buf);
  return end - start;
}

splitApp();

/** Step 3 (see the top of this file). Trunk cannot split (trunk-rs/trunk#1022), so this
 *  redoes its wasm-bindgen step for the app from cargo's output. */
function splitApp() {
  const js = fs.readdirSync(dir).find((f) => /^app-[0-9a-f]+\.js$/.test(f));
  if (!js) throw new Error('post-build: the app\'s JavaScript (app-<hash>.js) is not in the staging dir');
  const stem = js.slice(0, -3);
  const release = process.env.TRUNK_PROFILE === 'release';
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const built = path.join(targetDir, 'wasm32-unknown-unknown', release ? 'wasm-release' : 'debug', 'app.wasm');
  const tmp = fs.mkdtempSync(path.join(dir, '.split-'));
  try {
    execFileSync('wasm-split-cli', [built, tmp, '--out-name', stem], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-name', stem, '--out-dir', dir, path.join(tmp, `${stem}.wasm`)], { stdio: 'inherit' });
    const modules = fs.readdirSync(tmp).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f));
    if (!modules.some((f) => f.startsWith('split_'))) throw new Error('post-build: wasm-split found no split point');
    const main = path.join(dir, `${stem}_bg.wasm`);
    dropStreamClasses(main, path.join(dir, js));
    if (release) for (const f of [main, ...modules.map((m) => path.join(tmp, m))]) wasmOpt(f);
    // Content-hashed names, so no HTTP cache can pair a module with another build's loader.
    const loaderPath = path.join(tmp, '__wasm_split.js');
    minifyJs(loaderPath, true);
    let loader = fs.readFileSync(loaderPath, 'utf8');
    const sizes = [];
    for (const m of modules) {
      const bytes = fs.readFileSync(path.join(tmp, m));
      const named = `${m.slice(0, -5)}-${shortHash(bytes)}.wasm`;
      if (!loader.includes(`"./${m}"`)) throw new Error(`post-build: ${m} is not named in __wasm_split.js`);
      loader = loader.replace(`"./${m}"`, `"./${named}"`);
      fs.writeFileSync(path.join(dir, named), bytes);
      sizes.push(`${named} ${(bytes.length / 1024).toFixed(0)} KB`);
    }
    const loaderName = `__wasm_split-${shortHash(Buffer.from(loader))}.js`;
    fs.writeFileSync(path.join(dir, loaderName), loader);
    const jsPath = path.join(dir, js);
    const glue = fs.readFileSync(jsPath, 'utf8');
    const imported = /from "\.\/__wasm_split\.js"/g;
    if (!imported.test(glue)) throw new Error(`post-build: ${js} does not import ./__wasm_split.js`);
    fs.writeFileSync(jsPath, glue.replace(imported, `from "./${loaderName}"`));
    minifyJs(jsPath, true);
    // Trunk wrote integrity hashes of its own output into index.html.
    let page = fs.readFileSync(indexPath, 'utf8');
    const css = fs.readdirSync(dir).filter((f) => /^main-[0-9a-f]+\.css$/.test(f));
    if (css.length !== 1) throw new Error(`post-build: expected one main-<hash>.css, found ${css.join(', ') || 'none'}`);
    minifyCss(path.join(dir, css[0]));
    if (release) page = page.replace(/\n?[ \t]*<!--[\s\S]*?-->/g, '');
    for (const f of [js, css[0]]) {
      const re = new RegExp(`(href="\\./${f}"[^>]*integrity=")[^"]*"`);
      if (!re.test(page)) throw new Error(`post-build: no integrity attribute for ${f} in index.html`);
      const sri = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, f))).digest('base64');
      page = page.replace(re, `$1${sri}"`);
    }
    // Not on the main module's preload: Chromium ignores `integrity` on a preload
    // `as="fetch"` and warns on every load (crbug.com/981419); the glue's fetch of the module
    // never checked it.
    const wasmIntegrity = new RegExp(`(<link rel="preload" href="\\./${stem}_bg\\.wasm"[^>]*?) integrity="[^"]*"`);
    if (!wasmIntegrity.test(page)) throw new Error(`post-build: trunk's preload of ${stem}_bg.wasm changed shape`);
    page = page.replace(wasmIntegrity, '$1');
    fs.writeFileSync(indexPath, page);
    console.log(`post-build: app split: ${stem}_bg.wasm ${(fs.statSync(main).size / 1024).toFixed(0)} KB, ${sizes.join(', ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Drops the three JavaScript classes of wasm-streams (`IntoUnderlyingSource`, `…Sink`,
 *  `…ByteSource`) from the app: leptos links server_fn, which links wasm-streams, whose
 *  #[wasm_bindgen] classes are exported, so their code stays in the first load although a
 *  client-side app never calls a server function. Removes their exports from the main
 *  module (wasm-opt then drops the code they alone reach) and their classes from the glue.
 *  1.6 KB gzip less on the first load. Fails the build unless the exports and the three
 *  classes are found and nothing of them is left. */
function dropStreamClasses(wasmFile, jsFile) {
  const ours = (name) => /^(__wbg_)?intounderlying(bytesource|sink|source)_/.test(name);
  const removed = dropExports(wasmFile, ours);
  let glue = fs.readFileSync(jsFile, 'utf8');
  let classes = 0;
  glue = glue.replace(/\nexport class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/g, () => (classes++, '\n'));
  glue = glue.replace(/^const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n.*\n.*\n/gm, '');
  if (removed.length < 3 || classes !== 3 || /intounderlying/i.test(glue)) {
    throw new Error(`post-build: wasm-streams' classes not found as expected (${removed.length} exports, ${classes} classes removed); check scripts/trunk-post-build.mjs`);
  }
  fs.writeFileSync(jsFile, glue);
}

/** Reads the LEB128 number at `at` in `bytes` (signed or not): [value, offset after it]. */
function readLeb(bytes, at, signed = false) {
  let r = 0, s = 0, x;
  do { x = bytes[at++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [signed && x & 0x40 ? r - 2 ** s : r, at];
}

/** Removes from a module's export section the exports whose name `drop` accepts; returns
 *  their names. The wasm binary format: section 7, a count, then (name, kind, index). */
function dropExports(file, drop) {
  const bytes = fs.readFileSync(file);
  const leb = (at) => readLeb(bytes, at);
  const uleb = (n) => { const out = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); return Buffer.from(out); };
  const parts = [bytes.subarray(0, 8)];
  const removed = [];
  let i = 8;
  while (i < bytes.length) {
    const id = bytes[i];
    const [size, start] = leb(i + 1);
    const end = start + size;
    if (id !== 7) {
      parts.push(bytes.subarray(i, end));
    } else {
      let [n, at] = leb(start);
      const kept = [];
      for (; n > 0; n--) {
        const from = at;
        const [len, nameAt] = leb(at);
        const name = bytes.subarray(nameAt, nameAt + len).toString('utf8');
        [, at] = leb(nameAt + len + 1);
        if (drop(name)) removed.push(name); else kept.push(bytes.subarray(from, at));
      }
      const body = Buffer.concat([uleb(kept.length), ...kept]);
      parts.push(Buffer.from([7]), uleb(body.length), body);
    }
    i = end;
  }
  fs.writeFileSync(file, Buffer.concat(parts));
  return removed;
}

/** Whether every data segment of a module is active and starts at a constant address of
 *  1 KiB or more (the wasm binary format: section 11, segment kinds 0 and 2 with an i32.const
 *  offset). A segment placed any other way counts as low, so the check can only refuse. */
function lowMemoryUnused(bytes) {
  let i = 8;
  const read = (signed) => { const [value, next] = readLeb(bytes, i, signed); i = next; return value; };
  const leb = () => read(false);
  const sleb = () => read(true);
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        const kind = leb();
        if (kind === 1) return false; // passive: placed by code at run time
        if (kind === 2) leb();
        if (bytes[i++] !== 0x41) return false;
        if (sleb() < 1024 || bytes[i++] !== 0x0b) return false;
        const length = leb();
        i += length;
      }
    }
    i = end;
  }
  return true;
}

/** Release builds: minifies a script in place with terser. `module`: an ES module, whose
 *  top-level names terser may rename (its exports keep theirs); classic scripts keep their
 *  globals (pdf_worker.js defines `wasm_bindgen`, unsupported.js `pseaUnsupported`).
 *  Property names are never renamed: the wasm imports are looked up by them. */
function minifyJs(file, module) {
  if (process.env.TRUNK_PROFILE !== 'release') return;
  const terser = path.join(root, 'tools', 'node_modules', '.bin', 'terser');
  execFileSync(terser, [file, ...(module ? ['--module'] : []), '--compress', 'passes=2', '--mangle',
    '--comments', 'false', '--output', file], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Release builds: minifies the style sheet in place with csso. Without restructuring, so
 *  rules keep their order and the cascade is the source's (restructuring saved 56 bytes more). */
function minifyCss(file) {
  if (process.env.TRUNK_PROFILE !== 'release') return;
  const csso = createRequire(path.join(root, 'tools', 'package.json'))('csso');
  fs.writeFileSync(file, csso.minify(fs.readFileSync(file, 'utf8'), { restructure: false, comments: false }).css);
}

function shortHash(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

// --low-memory-unused: Rust puts its stack first (below 1 MiB, growing down) and its data
// above it, so the lowest 1 KiB is never used (lowMemoryUnused checks every data segment
// lies above it); wasm-opt may then fold address additions into load and store offsets.
// 5.2 KB gzip less in all (first load 0.5, PDF worker 1.0). The producers and target-features
// sections (names of the compilers, features used) are for tools only: 0.5 KB in all.
function wasmOpt(file) {
  const bin = path.join(root, 'tools', 'node_modules', '.bin');
  if (!lowMemoryUnused(fs.readFileSync(file))) throw new Error(`post-build: ${file} has data in the lowest 1 KiB of memory; wasm-opt's --low-memory-unused would be wrong`);
  // WASM_NAMES=1 (for profiling only): keep the functions' names, so that a browser's
  // profile names them rather than numbers them.
  const names = process.env.WASM_NAMES ? ['-g'] : [];
  execFileSync(path.join(bin, 'wasm-opt'), [...names, '-Oz', '--low-memory-unused', '--strip-producers', '--strip-target-features', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', file, '-o', file], { stdio: 'inherit' });
}

function walk(d, prefix = '') {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}
/** The offline install's modules in one xz file (see static/sw.js, PACKED): every
 *  WebAssembly module but the first load's (the split pages, their shared chunks, the PDF
 *  writer), end to end. gzip compresses each module alone within a 32 KB window; LZMA sees
 *  the whole set with a dictionary as large as it (fourteenth session:
 *  741 KB gzip one by one, 543 KB packed). Release builds only: xz -9e takes a few seconds. */
function packModules(all) {
  const main = all.filter((f) => /^app-[0-9a-f]+_bg\.wasm$/.test(f));
  if (main.length !== 1) throw new Error(`post-build: expected one app-<hash>_bg.wasm, found ${main.join(', ') || 'none'}`);
  const parts = all.filter((f) => f.endsWith('.wasm') && f !== main[0]);
  const bodies = parts.map((f) => fs.readFileSync(path.join(dir, f)));
  const joined = Buffer.concat(bodies);
  let dict = 1 << 20;
  while (dict < joined.length) dict *= 2;
  let xz;
  try {
    xz = execFileSync('xz', [`--lzma2=preset=9e,dict=${dict}`, '--check=crc32', '--threads=1', '--stdout'],
      { input: joined, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'inherit'] });
  } catch (e) {
    throw new Error(`post-build: xz failed (${e.code || e.status}): install xz-utils (scripts/setup.sh does)`);
  }
  const bundle = `offline-${shortHash(xz)}.xz`;
  fs.writeFileSync(path.join(dir, bundle), xz);
  const decoderBytes = fs.readFileSync(path.join(root, 'tools', 'node_modules', 'xzwasm', 'dist', 'package', 'xzwasm.min.js'));
  const decoder = `xzwasm-${shortHash(decoderBytes)}.js`;
  fs.writeFileSync(path.join(dir, decoder), decoderBytes);
  console.log(`post-build: ${parts.length} modules (${(joined.length / 1024).toFixed(0)} KB) packed in ${bundle} (${(xz.length / 1024).toFixed(0)} KB)`);
  return {
    bundle: `./${bundle}`,
    decoder: `./${decoder}`,
    sha256: crypto.createHash('sha256').update(joined).digest('hex'),
    parts: parts.map((f, i) => [`./${f}`, bodies[i].length]),
  };
}

const release = process.env.TRUNK_PROFILE === 'release';
const built = walk(dir).filter((f) => f !== 'sw.js').sort();
const packed = release ? packModules(built) : { bundle: '', decoder: '', sha256: '', parts: [] };
const files = walk(dir).filter((f) => f !== 'sw.js').sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const unpacked = new Set([packed.bundle, packed.decoder, ...packed.parts.map(([f]) => f)]);
const cached = ['./', ...files.map((f) => `./${f}`)].filter((f) => !unpacked.has(f));
const sw = fs.readFileSync(path.join(root, 'static', 'sw.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(cached, null, 2))
  .replace('__PACKED__', JSON.stringify(packed, null, 2));
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
console.log(`post-build: boot.js written, sw.js version ${version} precaching ${cached.length} entries and ${packed.parts.length} packed modules`);
