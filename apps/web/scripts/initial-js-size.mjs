// Gzipped size of the JavaScript a first visit downloads: the entry script and its modulepreloads.
// Usage (after a build, from the repo root): node apps/web/scripts/initial-js-size.mjs [budgetKB=250]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budgetKB = Number(process.argv[2] ?? 250);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((match) => match[1]);

let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file))).length / 1000;
  total += size;
  console.log(`${size.toFixed(1).padStart(7)} kB  ${file}`);
}
console.log(`${total.toFixed(1).padStart(7)} kB  initial JS, gzipped (budget ${budgetKB} kB)`);
if (total > budgetKB) {
  console.error('Over budget.');
  process.exit(1);
}
