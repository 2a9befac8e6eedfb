#!/usr/bin/env node
// Summarise a V8 .cpuprofile (from `node --cpu-prof`) by self time and by
// total (inclusive) time per function: where a check of 10,000 reports goes.
//
//   node bench/profile-summary.mjs PROFILE.cpuprofile [--top 30]
import { readFileSync } from 'node:fs';

const [path, ...rest] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [--top N]\n');
  process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1]) || 30;
const profile = JSON.parse(readFileSync(path, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sample: the gap to the next one.
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = deltas[i + 1] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const name = (n) => {
  const f = n.callFrame;
  const file = f.url.replace(/^.*\/(node_modules\/)?/, (m, nm) => (nm ? 'node_modules/' : '')).replace(/^file:\/\//, '');
  return `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`;
};
const selfBy = new Map();
const totalBy = new Map();
for (const [id, t] of self) {
  const key = name(byId.get(id));
  selfBy.set(key, (selfBy.get(key) ?? 0) + t);
  // Inclusive: count each function once per sample, however deep it recurses.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const k = name(byId.get(at));
    if (seen.has(k)) continue;
    seen.add(k);
    totalBy.set(k, (totalBy.get(k) ?? 0) + t);
  }
}
const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}\n`);
  }
};
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms\n`);
print('by self time', selfBy);
print('by total time', totalBy);
