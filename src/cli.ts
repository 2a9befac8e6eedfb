/**
 * The command line: argv → command; formats the findings; decides the exit
 * code (0 no errors, 1 errors, 2 usage or I/O problems). The only module,
 * with bin/, that writes to the terminal or sets the exit code.
 */

import { parseArgs } from 'node:util';
import { build } from './build.js';
import { formatBuild } from './cli/build.js';
import { Progress } from './cli/progress.js';
import { countFindings, formatGithub, formatJson, formatPretty } from './cli/format.js';
import { buildDefaults } from './options.js';
import { InputError } from './read/files.js';
import { OutputError } from './write/output.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly color: boolean;
  /** Whether standard error is a terminal: progress is then redrawn in place; otherwise plain lines. Default false. */
  readonly tty?: boolean;
  /** The clock, in milliseconds; tests pass a fake. Default `performance.now`. */
  readonly now?: () => number;
}

const USAGE = `用法 (usage):
  nianbao check [文件或目录…] [--format pretty|json|github] [--strict]
      检查年报（默认 reports/）。Check reports (default: reports/).
  nianbao build [--reports 目录] [--out 目录] [--strict] [--config 文件] [--no-cache] [--jobs N]
      检查全部年报并生成网站（默认 reports/ → dist/）；有错误时不改动输出文件夹。
      Check every report and build the site (default reports/ → dist/); on errors the output is left as it was.
  nianbao --help | --version
`;

/** Run the CLI; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'build':
        return await buildSite(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${await version()}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`未知命令“${command}”。Unknown command “${command}”.\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError || error instanceof OutputError) {
      io.stderr(`nianbao: ${error.message}\n`);
      return 2;
    }
    const err = error as NodeJS.ErrnoException;
    io.stderr(`nianbao: ${err.code ? `${err.code}: ` : ''}${err.message}\n`);
    return 2;
  }
}

class UsageError extends Error {}

function parse(args: readonly string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options']) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const { values: raw, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'pretty' },
    strict: { type: 'boolean', default: false },
  });
  const values = raw as { format: string; strict: boolean };
  const format = values['format'] as string;
  if (!['pretty', 'json', 'github'].includes(format)) throw new UsageError(`--format 只能是 pretty、json 或 github（got “${format}”）。`);
  const inputs = positionals.length > 0 ? positionals : ['reports'];
  const { checkFiles } = await import('./cli/check.js');
  const { files } = await checkFiles(inputs, io.cwd);
  if (files.length === 0) throw new InputError(`在 ${inputs.join(', ')} 中没有找到年报文件（*.md）。No report files found.`);
  const output = format === 'json' ? formatJson(files) : format === 'github' ? formatGithub(files) : formatPretty(files, io.color);
  io.stdout(output);
  const { errorCount, warningCount } = countFindings(files);
  return errorCount > 0 || (values['strict'] && warningCount > 0) ? 1 : 0;
}

async function buildSite(args: readonly string[], io: CliIo): Promise<number> {
  const { values: raw, positionals } = parse(args, {
    reports: { type: 'string', default: buildDefaults.reports },
    out: { type: 'string', default: buildDefaults.out },
    strict: { type: 'boolean', default: buildDefaults.strict },
    config: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    jobs: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`build 不接受位置参数“${positionals.join(' ')}”；年报文件夹请用 --reports 指定。Use --reports DIR.\n\n${USAGE}`);
  const values = raw as { reports: string; out: string; strict: boolean; config?: string; 'no-cache': boolean; jobs?: string };
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) {
    throw new UsageError(`--jobs 应为 1 到 64 之间的整数（got “${values.jobs}”）。--jobs takes a whole number from 1 to 64.\n\n${USAGE}`);
  }
  const started = performance.now();
  const progress = new Progress(io.stderr, { tty: io.tty ?? false, now: io.now ?? (() => performance.now()) });
  const result = await build(
    { reports: values.reports, out: values.out, strict: values.strict, config: values.config, cache: buildDefaults.cache && !values['no-cache'], cacheDir: buildDefaults.cacheDir, cwd: io.cwd, jobs },
    { progress: (done, total) => progress.update(done, total) },
  );
  progress.finish();
  const text = formatBuild(result, (performance.now() - started) / 1000, io.color);
  if (result.ok) io.stdout(text);
  else io.stderr(text);
  return result.ok ? 0 : 1;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
