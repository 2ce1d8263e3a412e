// Interaction latency of the filling page (Event Timing in Chromium), figures only.
// Usage: node e2e/latency.mjs [dist …] [--runs N]
// With several dist folders (e.g. a build before a change and one after), each run opens
// them in turn, so a machine's load weighs on them alike; one table per folder.
//
// Two forms: the bundled cash-transfer risk check, and a generated 200-item questionnaire
// (10 sections of yes/no, scale, checklist, text and number items, some shown only on an
// answer), written to a temp dir, checked with `psea-assess validate`, and opened through
// « Ouvrir un fichier de questionnaire » as a user would. Each at 1× and 4× CPU
// (CDP Emulation.setCPUThrottlingRate), 1280 × 800.
//
// On each form: clicks on one option of every radio group and on tick boxes (at the centre
// of their labels, as a pointer user does, each scrolled into view first; plain mouse events,
// without Playwright's own checks inside the page's events), then keystrokes in text
// and number fields (typed at ~8 keys a second, once the field is in view and focused). Event Timing entries (durationThreshold 16, buffered) give
// each event's `duration` (input to next paint, 8 ms granularity). Events faster than 16 ms
// are not reported by the browser: the script counts every event dispatched, and the
// percentiles are over all of them, the unreported ones counted as "< 16".
// SLOWEST=1 prints each table's five slowest events; DUMP=/tmp/x writes each table's entries
// (name, duration, input delay, handler time) to /tmp/x-<dist>-<form>-<rate>.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, showWholeViewport } from './browser.mjs';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const dists = args.filter((a, i) => !a.startsWith('--') && (runsArg < 0 || i !== runsArg + 1)).map((a) => path.resolve(a));
if (dists.length === 0) dists.push(path.resolve('dist'));
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 1;
const CLICK_TYPES = ['pointerdown', 'pointerup', 'click'];
const KEY_TYPES = ['keydown', 'keyup', 'input'];
const CLICKS = 60; // radio groups and tick boxes clicked per form
// LOCATOR_CLICKS=1: clicks by Playwright's locator.click(), as before 2026-11-25 (see below).
const LOCATOR_CLICKS = Boolean(process.env.LOCATOR_CLICKS);
const FIELDS = 8; // text fields typed into per form
const TYPED = 'Mopti 1234'; // 10 keys per field (numbers get the digits only)

/** A valid 200-item questionnaire: 10 sections × 20 items, kinds in turn. */
function generated() {
  const t = (fr, en) => `{ fr = "${fr}", en = "${en}" }`;
  const out = [];
  out.push(`[questionnaire]
id = "latency-200"
version = "1.0.0"
languages = ["fr", "en"]
title = ${t('Questionnaire de 200 questions', '200-question questionnaire')}
purpose = ${t('Mesurer la réactivité de la page.', 'Measure how the page responds.')}
audience = ${t('Mesures', 'Measurements')}
duration_minutes = 60

[[questionnaire.sources]]
title = "Généré par e2e/latency.mjs"

[scoring]
rule = "weighted_sum"
status = "provisional"
basis = "percent"

[[scoring.bands]]
id = "low"
min = 0
max = 49
label = ${t('Faible', 'Low')}

[[scoring.bands]]
id = "high"
min = 50
max = 100
label = ${t('Élevée', 'High')}
`);
  for (let s = 1; s <= 10; s++) {
    out.push(`[[sections]]\nid = "s${s}"\ntitle = ${t(`Section ${s}`, `Section ${s}`)}\n`);
    for (let i = 1; i <= 20; i++) {
      const id = `s${s}_q${i}`;
      const text = t(`Question ${i} de la section ${s}`, `Question ${i} of section ${s}`);
      const head = `[[sections.items]]\nid = "${id}"\ntext = ${text}\n`;
      switch (i % 5) {
        case 1: out.push(`${head}kind = "yes_no"\npartial = true\nrequired = false\n`); break;
        case 2: out.push(`${head}kind = "scale"\nna = true\nchoices = [
  { id = "absent", value = 1, label = ${t('Absente', 'Absent')} },
  { id = "progress", value = 2, label = ${t('En progression', 'Progressing')} },
  { id = "adequate", value = 3, label = ${t('Adéquate', 'Adequate')} },
]
evidence = [{ id = "doc", label = ${t('Document', 'Document')} }]
evidence_other = true
`); break;
        case 3: out.push(`${head}kind = "checklist"\nother = true\nrequired = false\noptions = [
  { id = "a", label = ${t('Option A', 'Option A')} },
  { id = "b", label = ${t('Option B', 'Option B')} },
  { id = "c", label = ${t('Option C', 'Option C')} },
]
`); break;
        case 4: out.push(`${head}kind = "text"\nrequired = false\n`); break;
        default: out.push(`${head}kind = "number"\ninteger = true\nmin = 0\nmax = 100000\nrequired = false\n`);
      }
      // Every fifth scale item is shown only when the yes/no item before it is « yes ».
      if (i % 5 === 2 && i % 10 === 2 && i > 2) out[out.length - 1] += `show_if = { item = "s${s}_q${i - 1}", is = "yes" }\n`;
    }
  }
  return out.join('\n');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'psea-latency-'));
const genFile = path.join(tmp, 'latency-200.toml');
fs.writeFileSync(genFile, generated());
if (!process.env.SKIP_VALIDATE) {
  execFileSync('cargo', ['run', '--quiet', '--bin', 'psea-assess', '--', 'validate', genFile], { stdio: ['ignore', 'pipe', 'inherit'] });
}

const FORMS = [
  { name: 'cash', title: 'Risques d’EAS dans un transfert monétaire' },
  { name: '200-item', title: 'Questionnaire de 200 questions', file: genFile },
].filter((f) => !process.env.FORM || f.name === process.env.FORM); // FORM=cash: that form only

const servers = await Promise.all(dists.map((d) => serve(d)));
const browser = await launch();

/** Opens `form` in a fresh page: every event counted, every Event Timing entry kept. */
async function open(form, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await showWholeViewport(browser, context, page);
  await page.addInitScript(([types]) => {
    window.__entries = [];
    window.__counts = {};
    for (const type of types) {
      window.__counts[type] = 0;
      window.addEventListener(type, (e) => { if (e.isTrusted && window.__measuring) window.__counts[type]++; }, true);
    }
    new PerformanceObserver((list) => {
      if (!window.__measuring) return;
      for (const e of list.getEntries()) window.__entries.push({ name: e.name, duration: e.duration, target: e.target ? e.target.id || e.target.tagName : '', delay: Math.round(e.processingStart - e.startTime), run: Math.round(e.processingEnd - e.processingStart), start: Math.round(e.startTime) });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  }, [[...CLICK_TYPES, ...KEY_TYPES]]);
  await page.goto(base);
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (form.file) {
    await page.getByLabel('Ouvrir un fichier de questionnaire', { exact: true }).setInputFiles(form.file);
  }
  const start = page.getByRole('button', { name: new RegExp(`^Commencer une évaluation\\s*:\\s*${form.title}`) });
  await start.click({ timeout: 60000 });
  await page.getByRole('heading', { level: 1, name: form.title }).waitFor();
  await page.waitForTimeout(500);
  return { context, page };
}

/** One pass of clicks and keystrokes; the counts and entries of the events. */
async function interact(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.evaluate(() => { window.__measuring = true; });
  const pause = () => page.waitForTimeout(150);
  // Clicks: one option (the second, or the first) of each radio group, then tick boxes.
  const clicked = new Set();
  let clicks = 0;
  let missed = 0;
  while (clicks < CLICKS) {
    const next = await page.evaluate((done) => {
      const inputs = [...document.querySelectorAll('main .items input[type=radio], main .items input[type=checkbox]')]
        .filter((i) => !i.disabled && i.offsetParent !== null && !done.includes(i.name || i.id) && !done.includes(i.id));
      const radio = inputs.find((i) => i.type === 'radio' && /-[1]$/.test(i.id)) || inputs.find((i) => i.type === 'radio');
      const pick = radio || inputs.find((i) => i.type === 'checkbox' && !/-na$/.test(i.id));
      return pick ? { id: pick.id, group: pick.type === 'radio' ? pick.name : pick.id } : null;
    }, [...clicked]);
    if (!next) break;
    clicked.add(next.group);
    // Scrolled to first, as a user scrolls before clicking: the click is measured, not the
    // painting of a part of the page scrolled into view.
    const label = page.locator(`label[for="${next.id}"]`).first();
    await label.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    if (LOCATOR_CLICKS) {
      await label.click();
    } else {
      // A plain pointer click at the label's centre, as a user's. Playwright's locator.click()
      // also checks, inside the page's own pointerdown, pointerup and click events, that they
      // hit the label (document.elementsFromPoint in capture listeners): on the 200-item form
      // at 4× that is a hit test of the whole page per event, timed as if the app's.
      const box = await label.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      if (!(await page.locator(`[id="${next.id}"]`).isChecked())) missed++;
    }
    clicks++;
    await pause();
  }
  // Keystrokes: text fields of the details and of the items, numbers, comments.
  const fields = await page.evaluate((n) => {
    const ok = (e) => e.offsetParent !== null && !e.disabled;
    const details = [...document.querySelectorAll('main input[id^=meta-][type=text]')].filter(ok).slice(0, 2);
    const texts = [...document.querySelectorAll('main .items input[type=text], main .items input[type=number], main .items input[inputmode=decimal], main .items input[inputmode=numeric], main .items textarea')]
      .filter((e) => ok(e) && !e.id.startsWith('meta-') && !e.closest('details'));
    return [...details, ...texts].slice(0, n).map((e) => ({ id: e.id, number: e.type === 'number' || e.inputMode === 'decimal' || e.inputMode === 'numeric' }));
  }, FIELDS);
  let keys = 0;
  // TRACE=<dir>: a Chromium trace of the keystrokes, and the long main-thread tasks listed.
  if (process.env.TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (const f of fields) {
    const field = page.locator(`[id="${f.id}"]`);
    await field.scrollIntoViewIfNeeded();
    await field.focus();
    await page.waitForTimeout(300);
    const text = f.number ? TYPED.replace(/\D/g, '') : TYPED;
    for (const ch of text) {
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      keys++;
      await page.waitForTimeout(120);
    }
  }
  await page.waitForTimeout(1000);
  if (process.env.TRACE) {
    const buf = await browser.stopTracing();
    const file = path.join(process.env.TRACE, `keys-${rate}x-${Date.now()}.json`);
    fs.writeFileSync(file, buf);
    const ev = JSON.parse(buf.toString()).traceEvents;
    const main = ev.find((e) => e.name === 'EventDispatch');
    const on = (e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid;
    for (const t of ev.filter((e) => on(e) && e.name === 'RunTask' && e.dur > 100000)) {
      const inside = ev.filter((e) => on(e) && e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && e.dur > 5000);
      console.log(file, 'task', (t.dur / 1000).toFixed(0), 'ms:', inside.map((e) => `${e.name}${e.args?.data?.type ? ':' + e.args.data.type : ''}${e.args?.data?.functionName ? ':' + e.args.data.functionName : ''} ${(e.dur / 1000).toFixed(0)}`).join(', '));
    }
  }
  await page.evaluate(() => { window.__measuring = false; });
  const got = await page.evaluate(() => ({ entries: window.__entries, counts: window.__counts }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  if (missed) throw new Error(`${missed} of ${clicks} clicks left their option unticked`);
  return { ...got, clicks, keys };
}

/** Percentile `p` of `n` events of which `reported` durations are known (the others < 16). */
function percentile(reported, n, p) {
  if (n === 0) return null;
  const all = [...reported].sort((a, b) => a - b);
  const unreported = Math.max(0, n - all.length);
  const rank = Math.min(n - 1, Math.ceil((p / 100) * n) - 1);
  if (rank < unreported) return '<16';
  return all[rank - unreported];
}

const rows = dists.map(() => []);
for (const form of FORMS) {
  for (const rate of (process.env.RATES || '1,4').split(',').map(Number)) { // RATES=4: 4× only
    const accs = dists.map(() => ({ entries: [], counts: {}, clicks: 0, keys: 0 }));
    for (let r = 0; r < RUNS; r++) {
      for (const [d, { base }] of servers.entries()) {
        const acc = accs[d];
        const { context, page } = await open(form, base);
        const got = await interact(page, rate);
        await context.close();
        acc.entries.push(...got.entries);
        for (const [k, v] of Object.entries(got.counts)) acc.counts[k] = (acc.counts[k] || 0) + v;
        acc.clicks += got.clicks;
        acc.keys += got.keys;
      }
    }
    for (const [d, acc] of accs.entries()) {
      for (const [what, types] of [['clicks', CLICK_TYPES], ['keystrokes', KEY_TYPES]]) {
        const reported = acc.entries.filter((e) => types.includes(e.name)).map((e) => e.duration);
        const n = types.reduce((s, t) => s + (acc.counts[t] || 0), 0);
        rows[d].push({
          form: form.name, cpu: `${rate}×`, what,
          actions: what === 'clicks' ? acc.clicks : acc.keys,
          events: n, '≥16 ms': reported.length,
          median: percentile(reported, n, 50), p98: percentile(reported, n, 98),
          max: reported.length ? Math.max(...reported) : '<16',
        });
        if (process.env.DUMP) fs.writeFileSync(`${process.env.DUMP}-${d}-${form.name}-${rate}.json`, JSON.stringify(acc.entries));
        if (process.env.SLOWEST) {
          const slow = acc.entries.filter((e) => types.includes(e.name)).sort((a, b) => b.duration - a.duration).slice(0, 5);
          console.log(path.basename(dists[d]), form.name, rate, what, slow.map((e) => `${e.name}@${e.target} ${e.duration} (t ${e.start} delay ${e.delay} run ${e.run})`).join(', '));
        }
      }
    }
  }
}

for (const [d, dist] of dists.entries()) {
  const cols = Object.keys(rows[d][0]);
  const width = cols.map((c) => Math.max(c.length, ...rows[d].map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(width[i])).join(' | ')} |`;
  console.log(`\nFilling-page interaction latency, ${dist}, ${RUNS} run(s) (Event Timing duration, ms; events of ${CLICK_TYPES.join('/')} and ${KEY_TYPES.join('/')})`);
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows[d]) console.log(line(cols.map((c) => r[c])));
}
await browser.close();
for (const { server } of servers) server.close();
