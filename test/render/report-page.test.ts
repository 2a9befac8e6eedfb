import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteConfigSchema } from '../../src/config-schema.js';
import { defaultSiteConfig } from '../../src/options.js';
import { processReport, type ProcessedReport } from '../../src/process.js';
import { headlineOf, isoDate, renderReportPage } from '../../src/render/index.js';

const fixtures = new URL('../fixtures/', import.meta.url);
const site = { config: defaultSiteConfig(), slugs: new Map([['淮安 市', '淮安-市']]) };

function processed(path: string, folderAgency?: string): ProcessedReport {
  return processReport({ path, pathYear: Number(/(\d{4})\.md$/.exec(path)?.[1]), folderAgency }, readFileSync(new URL(path, fixtures)));
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('renderReportPage', () => {
  it('should place a report without an agency folder at <year>/ and one in a folder at <slug>/<year>/', () => {
    expect(renderReportPage(processed('corpus/changdai-2021.md'), site).files.map((f) => f.path)).toEqual(['2021/index.html', '2021/report.json']);
    expect(renderReportPage(processed('corpus/huaian-2024.md', '淮安 市'), site).files.map((f) => f.path)).toEqual([
      '淮安-市/2024/index.html',
      '淮安-市/2024/report.json',
    ]);
  });

  it('should write the model’s open-data JSON exactly as FORMAT.md §8, pretty-printed', () => {
    const { files } = renderReportPage(processed('corpus/huaian-2024.md'), site);
    const expected = readFileSync(new URL('corpus/huaian-2024.expected.json', fixtures), 'utf8');
    expect(files[1]!.content).toBe(`${JSON.stringify(JSON.parse(expected), null, 2)}\n`);
  });

  it('should give the page one h1 (the title) and the six sections as h2 with their official numeral and title', () => {
    const html = renderReportPage(processed('corpus/changdai-2021.md'), site).files[0]!.content;
    expect(count(html, /<h1[ >]/g)).toBe(1);
    expect(html).toContain('<h1>常袋镇人民政府2021年政府信息公开工作年度报告</h1>');
    expect([...html.matchAll(/<h2 id="section-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('should carry the page shell: lang, skip link, landmarks, the government meta tags', () => {
    const config = siteConfigSchema.parse({ siteName: '某县人民政府门户网站', siteDomain: 'www.example.gov.cn', siteIdCode: '3208000001', sponsor: '某县人民政府办公室' });
    const html = renderReportPage(processed('hostile/2021.md'), { config, slugs: new Map() }).files[0]!.content;
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(html).toContain('<a class="skip-link" href="#main-content">');
    for (const landmark of ['<header', '<nav class="breadcrumb" aria-label="当前位置"', '<main id="main-content"', '<footer']) expect(html).toContain(landmark);
    for (const [name, content] of [
      ['SiteName', '某县人民政府门户网站'],
      ['SiteDomain', 'www.example.gov.cn'],
      ['SiteIDCode', '3208000001'],
      ['ColumnName', '政府信息公开年报'],
      ['ColumnType', '信息公开年报'],
      ['ArticleTitle', '常袋镇人民政府2021年政府信息公开工作年度报告'],
      ['PubDate', '2022-01-20'],
      ['ContentSource', '常袋镇人民政府'],
    ]) {
      expect(html).toContain(`<meta name="${name}" content="${content}">`);
    }
    expect(html).toContain('<li>主办单位：某县人民政府办公室</li>');
    expect(html).toContain('<li>网站标识码：3208000001</li>');
    expect(html).toContain('<dt>发布日期</dt><dd>2022年1月20日</dd>');
    expect(html).toContain('<dt>索引号</dt><dd>014123456/2022-00001</dd>');
    expect(html).toContain('<dt>报告格式</dt><dd>国办公开办函〔2021〕30号</dd>');
  });

  it('should show the preamble but not repeat the 发布日期/索引号 lines the metadata block shows', () => {
    const html = renderReportPage(processed('hostile/2021.md'), site).files[0]!.content;
    expect(html).toContain('<p>本报告依据《中华人民共和国政府信息公开条例》编制。</p>');
    expect(count(html, /2022年1月20日/g)).toBe(1);
  });

  it('should leave no tag, attribute or link from hostile Markdown that could run script or load from another host', () => {
    const one = processed('hostile/2021.md');
    const html = renderReportPage(one, site).files[0]!.content;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<(iframe|object|embed|style)/i);
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">中国政府网</a>');
    expect(html).toContain('<a href="https://evil.example/chart.png" rel="noopener noreferrer">图片：统计图</a>');
    // The links' text stays; only the unsafe link is gone.
    expect(html).toContain('详见链接和');
    expect(html).toContain('<p>参考 和 标签链接。</p>');
  });

  it('should report each piece of raw HTML as a raw-html warning at its place, once, before rendering', () => {
    const one = processed('hostile/2021.md');
    renderReportPage(one, site);
    const raw = one.file.messages.filter((m) => m.ruleId === 'raw-html');
    expect(raw.map((m) => [m.line, m.column, m.fatal])).toEqual([
      [12, 1, false],
      [14, 5, false],
      [18, 29, false],
      [18, 83, false],
    ]);
    expect(raw[0]!.reason).toContain('<script>alert("script")</script>');
  });

  it('should demote prose headings below the section’s h2, keeping their order', () => {
    const html = renderReportPage(processed('hostile/2021.md'), site).files[0]!.content;
    // `#` and `###` in section 一 become h3 and h4.
    expect(html).toContain('<h4>（一）主动公开情况</h4>');
    expect(html).toContain('<h3>写错级别的标题</h3>');
  });

  it('should summarise the headline figures from the model', () => {
    const { summary } = renderReportPage(processed('corpus/huaian-2024.md', '淮安 市'), site);
    expect(summary).toMatchObject({ agency: '淮安市人民政府', slug: '淮安-市', year: 2024, format: '2021', page: '淮安-市/2024/index.html', data: '淮安-市/2024/report.json' });
    expect(summary.headline).toEqual({ received: 3119, processed: 3050, carriedForward: 103, reviews: 351, lawsuits: 46 });
  });

  it('should refuse a report that has no validated model', () => {
    const broken = processReport({ path: 'x.md' }, new TextEncoder().encode('# 没有年份的标题\n'));
    expect(() => renderReportPage(broken, site)).toThrow(/no validated model/);
  });
});

describe('headlineOf', () => {
  it('should add both kinds of lawsuit', () => {
    const model = processed('corpus/huaian-2024.md').model!.report!;
    expect(headlineOf(model).lawsuits).toBe(26 + 20);
  });
});

describe('isoDate', () => {
  it('should read the usual ways of writing 发布日期 and refuse impossible dates', () => {
    expect(isoDate('2022年1月20日')).toBe('2022-01-20');
    expect(isoDate('2022-01-20')).toBe('2022-01-20');
    expect(isoDate('2022/1/5')).toBe('2022-01-05');
    expect(isoDate('２０２２年１月２０日')).toBe('2022-01-20');
    expect(isoDate('2022-02-30')).toBeUndefined();
    expect(isoDate('一月')).toBeUndefined();
  });
});
