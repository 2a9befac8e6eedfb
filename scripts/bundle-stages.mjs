#!/usr/bin/env node
// After `tsc`: replace the compiled out/src/stages.js (and the worker threads'
// entry, out/src/build/worker.js) with one file holding it
// and everything it imports (the parser, the schema, remark, the templates,
// hast-util-to-html…). Node 20 loads some 300 modules for the stages one by
// one, resolving, reading and linking each: about 260 ms of a rebuild after
// one report changed, against a target of 0.5 s for the whole process (issue 5).
// One file does the same in about a third of that.
//
// Nothing else changes: every other module stays as tsc wrote it, and
// build.js loads the stages by the same path. The bundle has its own copies
// of the few modules both sides use (vfile, the message registry); nothing
// compares their classes or identities across the two.
//
// Without esbuild (an install without dev dependencies) the stages stay as
// tsc wrote them: slower to load, the same results.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The stages, and the worker threads' entry (each worker loads it alone).
const entries = ['../out/src/stages.js', '../out/src/build/worker.js'].map((path) => fileURLToPath(new URL(path, import.meta.url)));
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('bundle-stages: esbuild is not installed; out/src/stages.js stays unbundled (slower rebuilds, same output).\n');
  process.exit(0);
}
for (const entry of entries) {
  const source = readFileSync(entry, 'utf8');
  if (source.startsWith(marker())) continue;
  const temporary = `${entry}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Names kept: stack traces and profiles stay readable.
    minify: false,
    legalComments: 'inline',
    logLevel: 'warning',
    banner: { js: marker() },
  });
  renameSync(temporary, entry);
}

function marker() {
  return '// Bundled by scripts/bundle-stages.mjs from the compiled stages and their dependencies.\n';
}
