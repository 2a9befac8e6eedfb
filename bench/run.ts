/**
 * `npm run bench`: the province-scale benchmark of issue 5.
 *
 * Generates (once) a synthetic site of N reports, then measures, in one run
 * and interleaved round by round so that a noisy machine affects every
 * figure alike: the I/O floor, the cold full build, a rebuild with no
 * change, a rebuild after one report changed, the peak memory, and the cold
 * build at N/10 reports for the linearity ratio. Each is a whole process,
 * timed from spawn to exit. Prints each figure with its ratio to the I/O
 * floor and its target, and writes everything to bench/results/.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { detectMemoryMethod, flushDisks, runNode, type MemoryMethod, type Run } from './measure.js';
import { ensureSite, OneReportEdit, type Site } from './site.js';
import { mebibytes, range, seconds, summarise, type Summary } from './stats.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'bin', 'nianbao.js');
const floorScript = join(repo, 'bench', 'io-floor.mjs');
const outputFloorScript = join(repo, 'bench', 'output-floor.mjs');
const hook = join(repo, 'bench', 'maxrss-hook.mjs');

/** The options, each with its default and why. */
const OPTIONS = {
  // Issue 5's scale: one province, every agency, every year.
  reports: { type: 'string', default: '10000' },
  // Five measured runs give a median and a range without taking all day.
  runs: { type: 'string', default: '5' },
  // One discarded round warms the page cache and the disk.
  warmup: { type: 'string', default: '1' },
  // The synthetic site is a function of the seed.
  seed: { type: 'string', default: '1' },
  // build once `nianbao build` exists; check until then (auto decides).
  command: { type: 'string', default: 'auto' },
  // The smaller site of the linearity ratio; 0 skips it. Default: reports / 10.
  linearity: { type: 'string' },
  // time: GNU /usr/bin/time; hook: a preload reporting process.resourceUsage(); auto: time if installed.
  memory: { type: 'string', default: 'auto' },
  // Generated sites are kept here and reused.
  data: { type: 'string', default: join(tmpdir(), 'nianbao-bench') },
  // Where the JSON results go (git-ignored).
  json: { type: 'string', default: join(repo, 'bench', 'results', 'latest.json') },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const USAGE = `npm run bench -- [--reports 10000] [--runs 5] [--warmup 1] [--seed 1]
                  [--command auto|build|check] [--linearity N|0] [--memory auto|time|hook]
                  [--data DIR] [--json FILE]
`;

/** Issue 5's targets. Time targets of rebuilds are absolute: they are what an editor waits. */
const TARGETS = {
  cold: { ratio: 3, text: '≤ 3× floor' },
  noop: { ms: 300, text: '≤ 0.30 s' },
  oneChanged: { ms: 500, text: '≤ 0.50 s' },
  memory: { kib: 400 * 1024, text: '≤ 400 MiB' },
  linearity: { ratio: 11, text: '≤ 11' },
} as const;

type Kind = 'floor' | 'cold' | 'outputFloor' | 'noop' | 'oneChanged' | 'smallFloor' | 'smallCold';

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function integer(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min} (got “${value}”)`);
  return n;
}

/** `build` when the CLI lists it in its help, else `check`. */
function detectCommand(): 'build' | 'check' {
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  return /^\s*nianbao build\b/m.test(`${help.stdout}${help.stderr}`) ? 'build' : 'check';
}

/** The command under test, run in the site's root, writing to `out` (relative to it). */
function commandArgs(command: 'build' | 'check', out: string): string[] {
  return command === 'build' ? [cli, 'build', '--reports', 'reports', '--out', out] : [cli, 'check', 'reports'];
}

// What a cold build must not find beside the site: any cache a build keeps there.
const CACHES = ['.cache', 'node_modules/.cache', '.nianbao-cache'];

async function main(): Promise<number> {
  const { values } = parseArgs({ options: OPTIONS, allowPositionals: false, strict: true });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const reports = integer('reports', values.reports, 6);
  const runs = integer('runs', values.runs, 1);
  const warmup = integer('warmup', values.warmup, 0);
  const seed = integer('seed', values.seed, 0);
  const smallReports = values.linearity === undefined ? Math.max(6, Math.round(reports / 10)) : integer('linearity', values.linearity, 0);
  if (!existsSync(join(repo, 'out', 'src', 'cli.js'))) throw new Error('not compiled: run `npm run compile` first (npm run bench does)');
  const available = detectCommand();
  const command = values.command === 'auto' ? available : values.command;
  if (command !== 'build' && command !== 'check') throw new Error(`--command must be auto, build or check (got “${command}”)`);
  const method: MemoryMethod = values.memory === 'auto' ? detectMemoryMethod() : (values.memory as MemoryMethod);
  if (method !== 'time' && method !== 'hook') throw new Error(`--memory must be auto, time or hook (got “${values.memory}”)`);

  mkdirSync(values.data, { recursive: true });
  const scratch = join(values.data, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const site = ensureSite(repo, values.data, reports, seed, log);
  const small = smallReports > 0 ? ensureSite(repo, values.data, smallReports, seed, log) : undefined;
  const edit = new OneReportEdit(site);
  // This process's outputs: several benches may share a site.
  const runsDir = `runs-${process.pid}`;
  const label = command === 'build' ? 'build' : available === 'build' ? 'check' : 'check (in place of build)';
  log(`command: node bin/nianbao.js ${commandArgs(command, `${runsDir}/out-N`).slice(1).join(' ')} · memory: ${method === 'time' ? '/usr/bin/time' : 'preload hook'} · ${warmup} warm-up + ${runs} runs`);

  const samples: Record<Kind, Run[]> = { floor: [], cold: [], outputFloor: [], noop: [], oneChanged: [], smallFloor: [], smallCold: [] };
  // Every run writes into a new folder under runsDir, and nothing is deleted until the end: on
  // file systems without a journal (this machine's ext4), creating files right after deleting
  // thousands is many times slower for a minute or more, which would swamp what is measured.
  for (const target of [site, small]) if (target) prepareRuns(target, runsDir, log);
  let trash = 0;
  const run = async (kind: Kind, target: Site, argv: readonly string[], cold: boolean, round: number) => {
    if (cold) {
      for (const cache of CACHES) {
        const path = join(target.root, cache);
        if (existsSync(path)) renameSync(path, join(target.root, runsDir, `trash-${trash++}`));
      }
    }
    flushDisks();
    const result = await runNode(argv, { cwd: target.root, method, scratch, hook });
    if (result.code !== 0) {
      throw new Error(`${kind}: node ${argv.join(' ')} exited with ${result.code}\n${(result.stdout + result.stderr).slice(-3000)}`);
    }
    if (round >= warmup) samples[kind].push(result);
    return result;
  };

  try {
    for (let round = 0; round < warmup + runs; round++) {
      const tag = round < warmup ? `warm-up ${round + 1}/${warmup}` : `run ${round - warmup + 1}/${runs}`;
      const out = `${runsDir}/out-${round}`;
      const args = commandArgs(command, out);
      const floor = await run('floor', site, [floorScript, 'reports', `${runsDir}/floor-${round}`], false, round);
      const cold = await run('cold', site, args, true, round);
      // What writing that output costs with no work at all: the same files and bytes, copied.
      const copy = command === 'build' ? await run('outputFloor', site, [outputFloorScript, out, `${runsDir}/copy-${round}`], false, round) : undefined;
      const noop = await run('noop', site, args, false, round);
      edit.apply(round + 1);
      const one = await run('oneChanged', site, args, false, round);
      let line = `${tag}: floor ${seconds(floor.ms)} · cold ${seconds(cold.ms)} ${mebibytes(cold.maxRssKiB)}${copy ? ` · output floor ${seconds(copy.ms)}` : ''} · no change ${seconds(noop.ms)} · one changed ${seconds(one.ms)}`;
      if (small) {
        const smallFloor = await run('smallFloor', small, [floorScript, 'reports', `${runsDir}/floor-${round}`], false, round);
        const smallCold = await run('smallCold', small, args, true, round);
        line += ` · ${small.reports}: floor ${seconds(smallFloor.ms)}, cold ${seconds(smallCold.ms)}`;
      }
      log(line);
    }
  } finally {
    edit.restore();
    for (const target of [site, small]) if (target) rmSync(join(target.root, runsDir), { recursive: true, force: true });
  }

  const result = report({ command, buildAvailable: available === 'build', label, method, site, small, runs, warmup, samples });
  process.stdout.write(result.text);
  mkdirSync(join(values.json, '..'), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify(result.json, null, 2)}\n`);
  log(`results written to ${values.json}`);
  return 0;
}

interface Measured {
  readonly command: 'build' | 'check';
  /** Whether this checkout has `nianbao build`. */
  readonly buildAvailable: boolean;
  readonly label: string;
  readonly method: MemoryMethod;
  readonly site: Site;
  readonly small: Site | undefined;
  readonly runs: number;
  readonly warmup: number;
  readonly samples: Record<Kind, Run[]>;
}

/** Per-round ratios a/b: both measured in the same round, seconds apart. */
function ratios(a: readonly Run[], b: readonly Run[]): Summary {
  return summarise(a.map((run, i) => run.ms / b[i]!.ms));
}

function report(m: Measured): { text: string; json: unknown } {
  const time = (kind: Kind) => summarise(m.samples[kind].map((r) => r.ms));
  const rss = (kind: Kind) => summarise(m.samples[kind].map((r) => r.maxRssKiB));
  const floor = time('floor');
  const figures = {
    floor,
    cold: time('cold'),
    noop: time('noop'),
    oneChanged: time('oneChanged'),
  };
  const ratio = {
    cold: ratios(m.samples.cold, m.samples.floor),
    noop: ratios(m.samples.noop, m.samples.floor),
    oneChanged: ratios(m.samples.oneChanged, m.samples.floor),
  };
  // The build's own output copied, no work: what its bytes alone cost (informational, no target).
  const outputFloor = m.samples.outputFloor.length > 0
    ? { time: time('outputFloor'), ratio: ratios(m.samples.outputFloor, m.samples.floor), coldRatio: ratios(m.samples.cold, m.samples.outputFloor) }
    : undefined;
  const memory = { floor: rss('floor'), cold: rss('cold'), noop: rss('noop'), oneChanged: rss('oneChanged') };
  const peak = Math.max(...(['cold', 'noop', 'oneChanged'] as const).flatMap((k) => m.samples[k].map((r) => r.maxRssKiB)));
  const linearity = m.small
    ? {
        reports: m.small.reports,
        cold: time('smallCold'),
        floor: time('smallFloor'),
        // Median over the rounds of cold(N) / cold(N/10), each pair from one round.
        ratio: ratios(m.samples.cold, m.samples.smallCold),
        floorRatio: ratios(m.samples.floor, m.samples.smallFloor),
      }
    : undefined;

  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const verdicts = {
    cold: figures.cold.median / floor.median <= TARGETS.cold.ratio,
    noop: figures.noop.median <= TARGETS.noop.ms,
    oneChanged: figures.oneChanged.median <= TARGETS.oneChanged.ms,
    memory: peak <= TARGETS.memory.kib,
    ...(linearity ? { linearity: linearity.ratio.median <= TARGETS.linearity.ratio } : {}),
  };
  const x = (s: Summary) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  const rows: string[][] = [
    ['', 'median (min–max)', '× I/O floor (per round)', 'target', ''],
    ['I/O floor', range(floor, seconds), '1', '', ''],
    [`cold full ${m.command}`, range(figures.cold, seconds), x(ratio.cold), TARGETS.cold.text, pass(verdicts.cold)],
    ...(outputFloor ? [['output floor (its bytes, copied)', range(outputFloor.time, seconds), x(outputFloor.ratio), `cold ${x(outputFloor.coldRatio)} of it`, '']] : []),
    ['no-change rebuild', range(figures.noop, seconds), x(ratio.noop), TARGETS.noop.text, pass(verdicts.noop)],
    ['one-changed rebuild', range(figures.oneChanged, seconds), x(ratio.oneChanged), TARGETS.oneChanged.text, pass(verdicts.oneChanged)],
    [`peak memory, cold ${m.command}`, range(memory.cold, mebibytes), `max of all runs ${mebibytes(peak)}`, TARGETS.memory.text, pass(verdicts.memory)],
    ['peak memory, I/O floor', range(memory.floor, mebibytes), '', '', ''],
  ];
  if (linearity) {
    rows.push([`cold ${m.command}, ${linearity.reports} reports`, range(linearity.cold, seconds), '', '', '']);
    rows.push([`I/O floor, ${linearity.reports} reports`, range(linearity.floor, seconds), '', '', '']);
    rows.push([`linearity ${m.site.reports}/${linearity.reports}`, x(linearity.ratio), `floor ${x(linearity.floorRatio)}`, TARGETS.linearity.text, pass(verdicts.linearity ?? false)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const table = rows.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join('  ').trimEnd()).join('\n');
  const mib = (m.site.bytes / 2 ** 20).toFixed(1);
  const header = `nianbao bench: ${m.site.reports} reports (${m.site.agencies} agencies, ${mib} MiB), seed ${m.site.seed}; ${m.runs} runs after ${m.warmup} warm-up; command under test: ${m.label}`;
  const notes = [
    m.command === 'check'
      ? `note: ${m.buildAvailable ? '--command check' : '`nianbao build` is not on this branch yet'}: \`check\` stands in for the build (no output, no cache: the three times are the same work).`
      : '',
    m.site.reports !== 10000 ? 'note: the targets are set for 10,000 reports.' : '',
  ].filter(Boolean);
  const text = `${header}\n\n${table}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`;

  const json = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain']) !== '',
    machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: Math.round(totalmem() / 2 ** 20) },
    command: m.command,
    commandLine: `node bin/nianbao.js ${commandArgs(m.command, 'runs-PID/out-N').slice(1).join(' ')}`,
    memoryMethod: m.method,
    runs: m.runs,
    warmup: m.warmup,
    site: { reports: m.site.reports, agencies: m.site.agencies, bytes: m.site.bytes, seed: m.site.seed, root: m.site.root },
    timesMs: figures,
    ratiosToFloor: ratio,
    outputFloor: outputFloor && { timesMs: outputFloor.time, ratioToFloor: outputFloor.ratio, coldRatio: outputFloor.coldRatio },
    maxRssKiB: { ...memory, peak },
    linearity: linearity && { reports: linearity.reports, coldMs: linearity.cold, floorMs: linearity.floor, ratio: linearity.ratio, floorRatio: linearity.floorRatio },
    targets: Object.fromEntries(Object.entries(verdicts).map(([k, ok]) => [k, { target: TARGETS[k as keyof typeof TARGETS].text, pass: ok }])),
  };
  return { text, json };
}

/**
 * This run's own folder for outputs, `runs-<pid>`, beside the site's
 * reports. Folders left by interrupted runs (their process is gone) are
 * deleted first, which may slow the first runs; those of a bench still
 * running are left alone.
 */
function prepareRuns(site: Site, runs: string, log: (line: string) => void): void {
  for (const name of readdirSync(site.root)) {
    const pid = /^runs-(\d+)$/.exec(name)?.[1];
    if (!pid || alive(Number(pid))) continue;
    log(`deleting ${join(site.root, name)}, left by an interrupted run: the first runs may be slower`);
    rmSync(join(site.root, name), { recursive: true, force: true });
  }
  mkdirSync(join(site.root, runs));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function git(args: readonly string[]): string {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    log(`bench: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
