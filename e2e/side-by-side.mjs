// Side by side, in one run, alternating A B A B: the project's built dist/ against the SurveyJS
// peer (e2e/peer-surveyjs/dist, built by scripts/side-by-side.sh). Per CPU rate: gzip bytes fetched before interactive, time to
// interactive (median); then PDF export: bytes fetched for it, click-to-PDF time, PDF size.
// Usage: scripts/side-by-side.sh [PROJECT_DIST] [RUNS]
// "Interactive": ours = the home page's first primary button is in the DOM (wasm running);
// the peer = its survey rendered (window.__interactive, set right after renderSurvey).
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync, mkdtempSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import os from "node:os";
import { createRequire } from "node:module";

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, "peer-surveyjs", "x.js"));
const { chromium } = require("playwright-core");
const ours = path.resolve(process.argv[2] || "dist");
const peer = path.join(here, "peer-surveyjs", "dist");
const RUNS = Number(process.argv[3] || 5);
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json", ".png": "image/png" };
const gzCache = new Map();
function serve(root) {
  const s = createServer((req, res) => {
    let p = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!existsSync(p) || statSync(p).isDirectory()) p = path.join(root, "index.html");
    const raw = readFileSync(p);
    if (!gzCache.has(p)) gzCache.set(p, gzipSync(raw, { level: 9 }));
    res.writeHead(200, { "content-type": types[path.extname(p)] || "application/octet-stream", "content-encoding": "gzip", "cache-control": "no-store" });
    res.end(gzCache.get(p));
  }).listen(0, "127.0.0.1");
  return new Promise((r) => s.on("listening", () => r({ s, base: `http://127.0.0.1:${s.address().port}/` })));
}
const A = await serve(ours), B = await serve(peer);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });

async function page(rate, markSel) {
  const context = await browser.newContext({ serviceWorkers: "block", acceptDownloads: true });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (rate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  if (markSel) await p.addInitScript((sel) => {
    new MutationObserver((_, o) => { if (document.querySelector(sel)) { window.__interactive = performance.now(); o.disconnect(); } })
      .observe(document, { childList: true, subtree: true });
  }, markSel);
  return { context, p };
}
const bytesUntil = (p, t) => p.evaluate((t) => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
  .filter((e) => t === null || e.responseEnd <= t).reduce((s, e) => s + e.transferSize, 0), t);

async function loadOurs(rate) {
  const { context, p } = await page(rate, "main button.primary");
  await p.goto(A.base);
  await p.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60000 });
  const tti = await p.evaluate(() => window.__interactive);
  const r = { tti, bytes: await bytesUntil(p, tti) };
  await context.close(); return r;
}
async function loadPeer(rate) {
  const { context, p } = await page(rate, null);
  await p.goto(B.base);
  await p.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60000 });
  const tti = await p.evaluate(() => window.__interactive);
  const r = { tti, bytes: await bytesUntil(p, tti) };
  await context.close(); return r;
}
// PDF: ours imports the UNICEF example answers (6 standards, 4 comments), results, export;
// the peer fills its 8×5 questionnaire and runs survey-pdf. Time: click/call to PDF bytes.
const tmp = mkdtempSync(path.join(os.tmpdir(), "sbs-"));
const exampleFile = path.join(tmp, "answers.json");
writeFileSync(exampleFile, readFileSync(path.join(process.env.PROJECT || process.cwd(), "questionnaires/examples/unicef-psea-2020.json")));
async function pdfOurs(rate) {
  const { context, p } = await page(rate, null);
  await p.goto(A.base);
  await p.getByLabel("Importer un fichier de réponses", { exact: true }).setInputFiles(exampleFile);
  await p.getByRole("button", { name: /^Ouvrir : / }).first().click();
  await p.getByRole("button", { name: "Voir les résultats" }).click();
  const urls = new Set(); context.on("request", (r) => urls.add(new URL(r.url()).pathname));
  const t0 = Date.now();
  const [dl] = await Promise.all([p.waitForEvent("download", { timeout: 120000 }), p.getByRole("button", { name: "Exporter le rapport PDF" }).click()]);
  const ms = Date.now() - t0;
  const size = statSync(await dl.path()).size;
  // Worker requests are not in the page's Resource Timing: count the files asked for, gzip -9.
  const fetched = [...urls].map((u) => path.join(ours, u)).filter((f) => existsSync(f) && statSync(f).isFile())
    .reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  await context.close(); return { ms, size, fetched, files: [...urls] };
}
async function pdfPeer(rate) {
  const { context, p } = await page(rate, null);
  await p.goto(B.base);
  await p.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60000 });
  const before = await bytesUntil(p, null);
  await p.evaluate(() => window.fillAll());
  const r = await p.evaluate(() => window.exportPdf());
  const fetched = (await bytesUntil(p, null)) - before;
  await context.close(); return { ms: r.loadMs + r.renderMs, size: r.bytes, fetched };
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = {};
for (const rate of [1, 4]) {
  const a = [], b = [], pa = [], pb = [];
  for (let i = 0; i < RUNS; i++) { a.push(await loadOurs(rate)); b.push(await loadPeer(rate)); }
  for (let i = 0; i < Math.max(3, RUNS - 2); i++) { pa.push(await pdfOurs(rate)); pb.push(await pdfPeer(rate)); }
  const row = {
    oursKB: med(a.map((x) => x.bytes)) / 1024, peerKB: med(b.map((x) => x.bytes)) / 1024,
    oursTTI: med(a.map((x) => x.tti)), peerTTI: med(b.map((x) => x.tti)),
    ttiRatio: med(a.map((x, i) => x.tti / b[i].tti)),
    pdfOursMs: med(pa.map((x) => x.ms)), pdfPeerMs: med(pb.map((x) => x.ms)), pdfRatio: med(pa.map((x, i) => x.ms / pb[i].ms)),
    pdfOursFetchKB: med(pa.map((x) => x.fetched)) / 1024, pdfPeerFetchKB: med(pb.map((x) => x.fetched)) / 1024,
    pdfOursKB: med(pa.map((x) => x.size)) / 1024, pdfPeerKB: med(pb.map((x) => x.size)) / 1024,
  };
  out[`${rate}x`] = row;
  console.log(`CPU ${rate}x: first load ours ${row.oursKB.toFixed(1)} KB vs peer ${row.peerKB.toFixed(1)} KB (${(row.oursKB / row.peerKB).toFixed(2)}x); ` +
    `interactive ours ${row.oursTTI.toFixed(0)} ms vs peer ${row.peerTTI.toFixed(0)} ms (ratio ${row.ttiRatio.toFixed(2)}); ` +
    `PDF (cold, incl. loading the writer) ours ${row.pdfOursMs.toFixed(0)} ms vs peer ${row.pdfPeerMs.toFixed(0)} ms (ratio ${row.pdfRatio.toFixed(2)}), ` +
    `fetched ${row.pdfOursFetchKB.toFixed(0)} vs ${row.pdfPeerFetchKB.toFixed(0)} KB, PDF ${row.pdfOursKB.toFixed(1)} vs ${row.pdfPeerKB.toFixed(1)} KB`);
}
console.log(JSON.stringify(out));
await browser.close(); A.s.close(); B.s.close();
