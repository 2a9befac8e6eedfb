/**
 * Running one command as a whole process and measuring it: wall-clock time
 * from spawn to exit, and the peak resident set size (max RSS).
 *
 * Max RSS comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`)
 * when it is installed, else from a preload (`node --import
 * bench/maxrss-hook.mjs`) that reports `process.resourceUsage().maxRSS` on
 * exit. Both read getrusage's ru_maxrss of the Node process (all its threads);
 * neither adds up separate child processes.
 */

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How peak memory is read. */
export type MemoryMethod = 'time' | 'hook';

/** One run of a command. */
export interface Run {
  readonly ms: number;
  /** Peak resident set size in KiB. */
  readonly maxRssKiB: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** GNU time when it works here, else the preload hook. */
export function detectMemoryMethod(): MemoryMethod {
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? 'time' : 'hook';
}

/** Flush dirty pages, so one run's writes are not written back during the next. */
export function flushDisks(): void {
  spawnSync('sync');
}

let counter = 0;

/** Run `node <args>` in `cwd`; resolves when it has exited. */
export function runNode(args: readonly string[], options: { cwd: string; method: MemoryMethod; scratch: string; hook: string }): Promise<Run> {
  const rssFile = join(options.scratch, `maxrss-${process.pid}-${counter++}`);
  const [command, argv, env] =
    options.method === 'time'
      ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args], process.env]
      : [process.execPath, ['--import', pathToFileURL(options.hook).href, ...args], { ...process.env, NIANBAO_BENCH_RSS_FILE: rssFile }];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      let maxRssKiB = NaN;
      try {
        // GNU time writes "Command exited with non-zero status N" first when it fails.
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        maxRssKiB = Number(lines[lines.length - 1]);
        rmSync(rssFile, { force: true });
      } catch {
        // No figure: the process died before it could report one.
      }
      resolve({ ms, maxRssKiB, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
