// trunk post_build hook: moves trunk's inline boot script into boot.js so that the
// Content-Security-Policy can forbid inline scripts entirely (script-src 'self').
// Runs in $TRUNK_STAGING_DIR, before trunk copies the result into dist/.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) throw new Error('trunk boot script not found in index.html');
fs.writeFileSync(path.join(dir, 'boot.js'), m[1].trim() + '\n');
html = html.replace(inline, '<script type="module" src="./boot.js"></script>');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
fs.writeFileSync(indexPath, html);
console.log('post-build: boot script moved to boot.js');
