#!/usr/bin/env node
// The output's own I/O floor: what writing the site a build produced costs
// with no parsing or rendering at all. Walks a built output folder, reads
// every file and writes the same bytes into `<to>` in the same layout, one
// file at a time, with synchronous calls as the I/O floor does. The build's
// output is some ten times the size of its sources (pages, each report's
// JSON, the aggregate data), so this floor, not bench/io-floor.mjs, is what
// the output alone costs.
//
//   node bench/output-floor.mjs <built-output> <to>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  process.stderr.write('usage: node bench/output-floor.mjs <built-output> <to>\n');
  process.exit(2);
}

let files = 0;
let bytes = 0;
copyFolder(from, to);
process.stdout.write(`${files} files, ${bytes} bytes\n`);

function copyFolder(source, target) {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const path = join(source, entry.name);
    if (entry.isDirectory()) copyFolder(path, join(target, entry.name));
    else if (entry.isFile()) {
      const content = readFileSync(path);
      writeFileSync(join(target, entry.name), content);
      files++;
      bytes += content.length;
    }
  }
}
