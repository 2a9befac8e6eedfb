// Preloaded with `node --import` when GNU time is not installed: on exit,
// writes the process's peak resident set size (KiB, getrusage's ru_maxrss,
// all threads included) to the file named by NIANBAO_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.NIANBAO_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
