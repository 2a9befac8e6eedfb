import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pagesOf, run, snapshot, twoAgencies, projectsRemovedAfterAll } from './helpers/project.js';

const sample = new URL('../reports/2021.md', import.meta.url);
const project = projectsRemovedAfterAll();

const htmlvalidate = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function validationMessages(pages: [string, string][]): Promise<string[]> {
  const found: string[] = [];
  for (const [path, html] of pages) {
    const result = await htmlvalidate.validateString(html, path);
    for (const r of result.results) for (const m of r.messages) found.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return found;
}

describe('nianbao build of the sample township (reports/2021.md)', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    dir = project({ 'reports/2021.md': sample }).dir;
    result = await run(['build'], dir);
  });

  it('should exit 0, print the warning and a one-line summary', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('reports/2021.md:73:1  warning');
    expect(result.stdout).toContain('fee-statement');
    expect(result.stdout).toMatch(/Built 1 report, 2 pages, 4 data files, 1 warning in \d+\.\d s\.\n$/);
    // Nothing but progress lines, which a build printing after a second on a busy machine is entitled to.
    expect(result.stderr.replace(/^\d+\/\d+ 份年报 · .*\n/gm, '')).toBe('');
  });

  it('should write the home page, the 2021 page, its JSON, the data files and the stylesheet into dist/', () => {
    expect([...snapshot(join(dir, 'dist')).keys()]).toEqual([
      '.nianbao-output',
      '2021/index.html',
      '2021/report.json',
      'assets/site.css',
      'data/report.schema.json',
      'data/reports.csv',
      'data/reports.json',
      'index.html',
    ]);
    expect(readFileSync(join(dir, 'dist/2021/report.json'), 'utf8')).toBe(
      `${JSON.stringify(JSON.parse(readFileSync(fixture('corpus/changdai-2021.expected.json'), 'utf8')), null, 2)}\n`,
    );
  });

  it('should give pages that html-validate passes without a message', async () => {
    expect(await validationMessages(pagesOf(snapshot(join(dir, 'dist'))))).toEqual([]);
  });

  it('should leave nothing beside dist/ but the project', () => {
    // Beside the output, only the report cache (.cache/nianbao, see README).
    expect(readdirSync(dir).sort()).toEqual(['.cache', 'dist', 'reports']);
  });
});

describe('nianbao build of two agencies', () => {
  let dir: string;
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    dir = project(twoAgencies).dir;
    const { code } = await run(['build', '--out', 'site'], dir);
    expect(code).toBe(0);
    files = snapshot(join(dir, 'site'));
  });

  it('should write home, agency and report pages, each report’s JSON and the site’s data', () => {
    expect([...files.keys()]).toEqual([
      '.nianbao-output',
      'assets/site.css',
      'changdai/2021/index.html',
      'changdai/2021/report.json',
      'changdai/index.html',
      'data/report.schema.json',
      'data/reports.csv',
      'data/reports.json',
      'index.html',
      '淮安市人民政府-v1-0/2024/index.html',
      '淮安市人民政府-v1-0/2024/report.json',
      '淮安市人民政府-v1-0/index.html',
    ]);
  });

  it('should give pages that html-validate passes without a message', async () => {
    const pages = pagesOf(files);
    expect(pages).toHaveLength(5);
    expect(await validationMessages(pages)).toEqual([]);
  });

  it('should list both agencies on the home page with percent-encoded links to their pages', () => {
    const home = files.get('index.html')!.toString('utf8');
    expect(home).toContain('<a href="changdai/index.html">常袋镇人民政府</a>');
    expect(home).toContain(`<a href="${encodeURIComponent('淮安市人民政府-v1-0')}/2024/index.html">`);
  });

  it('should give each agency page its year-by-year headline figures', () => {
    const page = files.get('淮安市人民政府-v1-0/index.html')!.toString('utf8');
    expect(page).toContain('<h1>淮安市人民政府政府信息公开工作年度报告</h1>');
    const row = /<tr><th scope="row"><a href="2024\/index.html">2024年<\/a><\/th>(.*?)<\/tr>/.exec(page)?.[1];
    expect([...(row ?? '').matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([3119, 3050, 103, 351, 46]);
  });

  it('should write data/reports.json with both reports and data/reports.csv with one line per number', () => {
    const all = JSON.parse(files.get('data/reports.json')!.toString('utf8'));
    expect(all.schemaVersion).toBe(1);
    expect(all.reports.map((r: { agency: string; year: number }) => [r.agency, r.year])).toEqual([
      ['常袋镇人民政府', 2021],
      ['淮安市人民政府', 2024],
    ]);
    const csv = files.get('data/reports.csv')!.toString('utf8');
    expect(csv.startsWith('\uFEFFagency,year,format,table,row,column,value\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(1 + 200 * 2 + 1);
    expect(csv).toContain('\r\n淮安市人民政府,2024,2021,applications,carriedForward,total,103\r\n');
  });

  it('should write data/report.schema.json from the model’s schema', () => {
    const schema = JSON.parse(files.get('data/report.schema.json')!.toString('utf8'));
    expect(schema.title).toBe('政府信息公开工作年度报告 (open data)');
  });

  it('should give the same bytes when built again (no timestamps, no random ids)', async () => {
    const { code } = await run(['build', '--out', 'again'], dir);
    expect(code).toBe(0);
    const again = snapshot(join(dir, 'again'));
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, bytes] of files) expect(again.get(path)!.equals(bytes), path).toBe(true);
  });

  it('should load nothing from other hosts', () => {
    for (const [path, html] of pagesOf(files)) {
      expect(html, path).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)="(https?:)?\/\//);
      expect(html, path).not.toMatch(/<script/);
    }
    expect(files.get('assets/site.css')!.toString('utf8')).not.toMatch(/url\(|@import/);
  });
});

describe('a failed build', () => {
  it('should exit 1 with the diagnostics and leave the previous output byte for byte', async () => {
    const { dir, add } = project({ 'reports/2021.md': sample });
    expect((await run(['build'], dir)).code).toBe(0);
    const before = snapshot(join(dir, 'dist'));

    add({ 'reports/2022.md': fixture('inconsistent/2022.md') });
    const result = await run(['build'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('reports/2022.md:35:1  error');
    expect(result.stderr).toContain('row-total');
    expect(result.stderr).toContain('section-three-balance');
    expect(result.stderr).toContain('输出文件夹 dist 保持原样');
    expect(result.stdout).toBe('');

    const after = snapshot(join(dir, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    // Beside the output, only the report cache (.cache/nianbao, see README).
    expect(readdirSync(dir).sort()).toEqual(['.cache', 'dist', 'reports']);
  });

  it('should fail when a year does not carry over from the year before (a site-wide check)', async () => {
    const year2022 = readFileSync(sample, 'utf8')
      .replace('常袋镇人民政府2021年', '常袋镇人民政府2022年')
      .replace('二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0', '二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2')
      .replace('(一) 予以公开\t0\t0\t0\t0\t0\t0\t0', '(一) 予以公开\t2\t0\t0\t0\t0\t0\t2')
      .replace('(七) 总计\t\t\t0\t0\t0\t0\t0\t0\t0', '(七) 总计\t\t\t2\t0\t0\t0\t0\t0\t2');
    const { dir } = project({ 'reports/2021.md': sample, 'reports/2022.md': year2022 });
    const result = await run(['build'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/reports\/2022\.md:36:\d+  error  .*carry-over/g)).toHaveLength(2);
    expect(result.stderr).not.toMatch(/section-three-balance|results-total|row-total/);
    expect(readdirSync(dir)).toEqual(['reports']);
  });

  it('should fail on warnings with --strict, leaving the output as it was', async () => {
    const { dir } = project({ 'reports/2021.md': sample });
    expect((await run(['build', '--strict'], dir)).code).toBe(1);
    expect(readdirSync(dir)).toEqual(['reports']);
  });

  it('should refuse two agencies’ reports that would make the same page', async () => {
    const other = readFileSync(fixture('corpus/changdai-2021.md'), 'utf8').replace('常袋镇人民政府2021年', '某某镇人民政府2021年');
    const { dir } = project({ 'reports/changdai-2021.md': fixture('corpus/changdai-2021.md'), 'reports/moumou-2021.md': other });
    const result = await run(['build'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/reports\/moumou-2021\.md:3:1 {2}error {2}.*2021\/index\.html.*page-conflict/);
  });
});

describe('bad input', () => {
  it('should exit 2 with a clear message, never a stack trace', async () => {
    const { dir } = project({ 'reports/2021.md': sample, 'src/keep.ts': 'precious' });
    const cases: [string[], RegExp][] = [
      [['build', '--reports', 'nowhere'], /找不到“nowhere”/],
      [['build', '--nonsense'], /Unknown option '--nonsense'/],
      [['build', 'reports'], /--reports DIR/],
      [['build', '--config', 'missing.json'], /无法读取配置文件 missing\.json/],
      [['build', '--out', 'src'], /不是 nianbao 生成的/],
      [['build', '--out', '.'], /当前文件夹或其上级/],
      [['build', '--out', 'reports'], /重叠/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, dir);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
      expect(result.stderr, argv.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(join(dir, 'src/keep.ts'), 'utf8')).toBe('precious');
  });

  it('should name the configuration file and the field that is wrong', async () => {
    const { dir } = project({ 'reports/2021.md': sample });
    writeFileSync(join(dir, 'nianbao.config.json'), '{ "siteIdCode": "12" }');
    const result = await run(['build'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nianbao.config.json: siteIdCode: 网站标识码应为 10 位数字或字母');
    rmSync(join(dir, 'nianbao.config.json'));
  });

  it('should exit 2 when the reports folder holds no report', async () => {
    const { dir } = project({ 'reports/notes.csv': 'x' });
    const result = await run(['build'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('没有找到年报文件');
  });
});

describe('hostile Markdown in a report', () => {
  it('should build, warn with raw-html at each place, and publish none of it', async () => {
    const { dir } = project({ 'reports/2021.md': fixture('hostile/2021.md') });
    const result = await run(['build'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.match(/raw-html/g)).toHaveLength(4);
    expect(result.stdout).toContain('reports/2021.md:12:1  warning');
    const page = readFileSync(join(dir, 'dist/2021/index.html'), 'utf8');
    expect(page).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(await validationMessages([['2021/index.html', page]])).toEqual([]);
  });
});
