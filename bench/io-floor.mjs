#!/usr/bin/env node
// The I/O floor: what any build of the site must at least do. Walks
// `<reports>/<agency>/<year>.md` (and `<reports>/<year>.md`) as the build
// does, reads every file and writes one file of the same size per report
// into `<out>` (same folder layout, `.html`). No parsing, no rendering.
//
//   node bench/io-floor.mjs <reports> <out>
//
// Synchronous calls on purpose: for ~6 KB files they beat promise-based
// fs with bounded concurrency on this kind of machine (see bench/README.md).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [reports, out] = process.argv.slice(2);
if (!reports || !out) {
  process.stderr.write('usage: node bench/io-floor.mjs <reports> <out>\n');
  process.exit(2);
}

const REPORT = /\.(md|markdown|txt)$/i;
let files = 0;
mkdirSync(out, { recursive: true });
for (const entry of readdirSync(reports, { withFileTypes: true })) {
  if (entry.name.startsWith('.')) continue;
  if (entry.isFile() && REPORT.test(entry.name)) {
    copy(join(reports, entry.name), join(out, entry.name.replace(REPORT, '.html')));
  } else if (entry.isDirectory()) {
    const from = join(reports, entry.name);
    const to = join(out, entry.name);
    mkdirSync(to);
    for (const child of readdirSync(from)) {
      if (!child.startsWith('.') && REPORT.test(child)) copy(join(from, child), join(to, child.replace(REPORT, '.html')));
    }
  }
}
process.stdout.write(`${files} files\n`);

function copy(from, to) {
  writeFileSync(to, readFileSync(from));
  files++;
}
