// Size budgets of the built app (dist/), checked by scripts/test.sh: sizes are deterministic
// for a given build, so exceeding a budget fails the test command. Times are never asserted
// here (the benchmarks print them).
// Usage: node e2e/budgets.mjs [dist]   (budgets in e2e/budgets.json)
// Sizes are gzip level 9, as e2e/server.mjs serves them (without HTTP headers):
// - first load: index.html and what it loads before the app runs: its scripts, styles and
//   preloads, and the static imports of those scripts (`from "./x.js"`, wasm-bindgen's
//   `module_or_path: './x.wasm'`); modules fetched later on demand are not followed;
// - PDF writer: the worker's files (pdf_worker*), fetched on the first PDF export;
// - offline install: what the service worker fetches to cache everything: sw.js's FILES,
//   and the xz pack of the later modules with its decoder (PACKED).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
const here = path.dirname(new URL(import.meta.url).pathname);
const budgets = JSON.parse(fs.readFileSync(path.join(here, 'budgets.json'), 'utf8'));

const gz = (name) => zlib.gzipSync(fs.readFileSync(path.join(dist, name)), { level: 9 }).length;
const local = (ref) => !/^[a-z]+:|^\/\//i.test(ref) && !ref.startsWith('#');
const clean = (ref) => path.normalize(ref.replace(/^\.\//, '').split(/[?#]/)[0]);

function firstLoad() {
  const seen = new Set(['index.html']);
  const queue = [];
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = m[0];
    if (m[1] === 'link' && !/rel="(stylesheet|modulepreload|preload)"/.test(tag)) continue;
    const ref = (tag.match(/\b(?:src|href)="([^"]+)"/) || [])[1];
    if (ref && local(ref)) queue.push(clean(ref));
  }
  while (queue.length) {
    const name = queue.shift();
    if (seen.has(name) || !fs.existsSync(path.join(dist, name))) continue;
    seen.add(name);
    if (!name.endsWith('.js')) continue;
    const js = fs.readFileSync(path.join(dist, name), 'utf8');
    for (const m of js.matchAll(/\bfrom\s*["'](\.\/[^"']+)["']|module_or_path:\s*["'](\.\/[^"']+)["']/g)) {
      queue.push(clean(m[1] || m[2]));
    }
  }
  return [...seen];
}

function offline() {
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
  // The pack of the later modules and its decoder are fetched at install, not the modules.
  const packed = JSON.parse(sw.match(/const PACKED = (\{[\s\S]*?\n\});/)[1]);
  const extra = [packed.bundle, packed.decoder].filter(Boolean);
  return [...new Set([...list, ...extra].map((f) => (f === './' ? 'index.html' : clean(f))))];
}

const pdfWorker = () => fs.readdirSync(dist).filter((f) => f.startsWith('pdf_worker'));

const kb = (n) => (n / 1024).toFixed(1);
let over = 0;
for (const [key, label, files] of [
  ['first_load_kb', 'first load', firstLoad()],
  ['pdf_worker_kb', 'PDF writer', pdfWorker()],
  ['offline_kb', 'offline install', offline()],
]) {
  const sizes = files.map((f) => [f, gz(f)]).sort((a, b) => b[1] - a[1]);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  const budget = budgets[key].budget;
  const ok = total <= budget * 1024;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${label}: ${kb(total)} KB gzip, budget ${budget} KB (target ${budgets[key].target} KB)`);
  console.log(`     ${sizes.map(([f, n]) => `${f} ${kb(n)}`).join(', ')}`);
}
process.exit(over ? 1 : 0);
