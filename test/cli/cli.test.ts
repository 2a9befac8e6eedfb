import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';

const corpus = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/nianbao.js', import.meta.url));

async function run(argv: string[], cwd = corpus) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false });
  return { code, stdout, stderr };
}

/** A folder with huaian-2024.md whose 2.重复申请 total (line 58) says 26 instead of 25. */
function brokenFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  const lines = readFileSync(join(corpus, 'huaian-2024.md'), 'utf8').split('\n');
  lines[57] = lines[57]!.replace(/\t25$/, '\t26');
  writeFileSync(join(dir, 'huaian-2024.md'), lines.join('\n'));
  cpSync(join(corpus, 'changdai-2021.md'), join(dir, 'changdai-2021.md'));
  return dir;
}

describe('nianbao check', () => {
  it('should exit 0 on the two real reports and print the summary', async () => {
    const { code, stdout } = await run(['check', 'changdai-2021.md', 'huaian-2024.md']);
    expect(code).toBe(0);
    expect(stdout).toContain('changdai-2021.md:73:1  warning');
    expect(stdout).toMatch(/2 个文件 \(2 files\)：0 个错误、1 个警告/);
  });

  it('should give, with --format json, the models of the expected files and the §9 shape', async () => {
    const { code, stdout } = await run(['check', '--format', 'json', 'changdai-2021.md', 'huaian-2024.md']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['files', 'errorCount', 'warningCount']);
    expect(document.errorCount).toBe(0);
    expect(document.warningCount).toBe(1);
    for (const [i, name] of ['changdai-2021', 'huaian-2024'].entries()) {
      const expected = JSON.parse(readFileSync(join(corpus, `${name}.expected.json`), 'utf8'));
      expect(document.files[i].path).toBe(`${name}.md`);
      expect(document.files[i].report).toEqual(expected);
    }
    expect(document.files[0].messages).toEqual([
      { ruleId: 'fee-statement', severity: 'warning', line: 73, column: 1, endLine: 73, endColumn: 17, message: expect.stringContaining('信息处理费') },
    ]);
  });

  it('should exit 1 with the rule, file and line of a changed number in every format', async () => {
    const cwd = brokenFolder();
    const pretty = await run(['check'].concat(['.']), cwd);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toMatch(/huaian-2024\.md:58:1 {2}error {2}“2\.重复申请”一行的总计不等于各列之和：25 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 25，而总计为 26。.* {2}row-total/);

    const json = JSON.parse((await run(['check', '--format', 'json', '.'], cwd)).stdout);
    const huaian = json.files.find((f: { path: string }) => f.path === 'huaian-2024.md');
    expect(huaian.report).not.toBeNull();
    expect(huaian.messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual(['row-total@58', 'results-total@65']);
    expect(json.errorCount).toBe(2);

    const github = await run(['check', '--format', 'github', '.'], cwd);
    expect(github.code).toBe(1);
    expect(github.stdout).toContain('::error file=huaian-2024.md,line=58,col=1,endLine=58,endColumn=');
    expect(github.stdout).toContain('title=nianbao row-total::“2.重复申请”一行的总计不等于各列之和');
    expect(github.stdout).toContain('::warning file=changdai-2021.md,line=73,col=1');
  });

  it('should exit 1 on warnings only with --strict', async () => {
    expect((await run(['check', 'changdai-2021.md'])).code).toBe(0);
    expect((await run(['check', '--strict', 'changdai-2021.md'])).code).toBe(1);
  });

  it('should exit 2 for usage and I/O problems, with a message and no stack trace', async () => {
    const missing = await run(['check', 'no-such-folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到“no-such-folder”');
    const format = await run(['check', '--format', 'xml', 'huaian-2024.md']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format');
    const option = await run(['check', '--colour']);
    expect(option.code).toBe(2);
    const command = await run(['publish']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('未知命令');
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-empty-'));
    const none = await run(['check', '.'], empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有找到年报文件');
    const noReports = await run(['check'], empty);
    expect(noReports.code).toBe(2);
    expect(noReports.stderr).toContain('找不到“reports”');
    const jobs = await Promise.all(['0', '1.5', 'many', '65'].map((n) => run(['build', '--jobs', n], empty)));
    for (const r of jobs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs 应为 1 到 64 之间的整数');
    }
    for (const r of [missing, format, option, command, none, noReports, ...jobs]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('should check reports/ by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-default-'));
    cpSync(join(corpus, 'huaian-2024.md'), join(dir, 'reports', '2024.md'), { recursive: true });
    const { code, stdout } = await run(['check'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('1 个文件 (1 file)：没有发现问题');
  });

  it('should work as the installed command, exiting 1 on a broken report without a stack trace', async () => {
    const cwd = brokenFolder();
    const result = await promisify(execFile)(process.execPath, [bin, 'check', '.'], { cwd }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('huaian-2024.md:58:1');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('paths given on the command line', () => {
  it('should take absolute paths as they are, not under the working folder (regression: joined to the working folder)', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'nianbao-cwd-'));
    const { code, stdout } = await run(['check', join(corpus, 'huaian-2024.md'), corpus], elsewhere);
    expect(code).toBe(0);
    expect(stdout).toContain('2 个文件 (2 files)');
  });

  it('should check a file named twice (itself and its folder) once', async () => {
    const { code, stdout } = await run(['check', 'huaian-2024.md', '.', './huaian-2024.md']);
    expect(code).toBe(0);
    expect(stdout).toContain('2 个文件 (2 files)');
  });
});
