#!/usr/bin/env node
// The per-report pipeline alone: reads every report of a site into memory
// once, then times processReport (decode → parse → model → checks) over all
// of them, pass after pass, in one process. No file system, no start-up: the
// figure to watch when optimising processReport. Uses the compiled out/.
//
//   node bench/per-report.mjs <reports folder> [--passes 5] [--retain]
//
// --retain keeps every result until the pass ends, as `nianbao check` does
// (more garbage-collector work); by default each result is dropped at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  process.stderr.write('usage: node bench/per-report.mjs <reports folder> [--passes N] [--retain]\n');
  process.exit(2);
}
const passes = Number(args[args.indexOf('--passes') + 1]) || 5;
const retain = args.includes('--retain');
const { processReport, yearOfFileName } = await import(new URL('../out/src/process.js', import.meta.url).href);

const inputs = [];
for (const agency of readdirSync(dir).sort()) {
  const folder = join(dir, agency);
  if (!statSync(folder).isDirectory()) continue;
  for (const name of readdirSync(folder).sort()) {
    inputs.push({ location: { path: `reports/${agency}/${name}`, pathYear: yearOfFileName(name), folderAgency: agency }, bytes: readFileSync(join(folder, name)) });
  }
}

const times = [];
let messages = 0;
for (let pass = 0; pass < passes; pass++) {
  const kept = [];
  const start = performance.now();
  for (const { location, bytes } of inputs) {
    const result = processReport(location, bytes);
    if (pass === 0) messages += result.file.messages.length;
    if (retain) kept.push(result);
  }
  times.push(performance.now() - start);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[sorted.length >> 1];
const us = (ms) => ((ms * 1000) / inputs.length).toFixed(0);
process.stdout.write(
  `${inputs.length} reports, ${passes} passes${retain ? ' (results retained)' : ''}: median ${median.toFixed(0)} ms = ${us(median)} µs/report ` +
    `(min ${us(sorted[0])}, max ${us(sorted[sorted.length - 1])} µs); first pass ${us(times[0])} µs/report; ${messages} messages\n`,
);
