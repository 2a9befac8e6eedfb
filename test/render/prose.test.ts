import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { processReport } from '../../src/process.js';
import { renderProse } from '../../src/render/index.js';

const changdai = readFileSync(new URL('../fixtures/corpus/changdai-2021.md', import.meta.url), 'utf8');

/** The sample report with its section 一 body replaced by `overview`, rendered. */
function prose(overview: string) {
  const start = changdai.indexOf('## 一、总体情况');
  const end = changdai.indexOf('## 二、主动公开政府信息情况');
  const text = `${changdai.slice(0, start)}## 一、总体情况\n\n${overview}\n\n${changdai.slice(end)}`;
  const processed = processReport({ path: 'x/2021.md', pathYear: 2021 }, new TextEncoder().encode(text));
  const result = renderProse(processed.parsed!);
  const html = (nodes: readonly unknown[]) => toHtml({ type: 'root', children: nodes as Element[] });
  return { result, html, file: processed.file };
}

describe('renderProse', () => {
  it('should give each section its own prose and nothing of the pasted tables', () => {
    const { result, html } = prose('第一段。');
    expect(html(result.sections.get('overview')!.before)).toBe('<p>第一段。</p>');
    for (const key of ['activeDisclosure', 'applications', 'reviewLitigation'] as const) {
      const part = result.sections.get(key)!;
      expect([...part.before, ...part.after], key).toEqual([]);
    }
    expect(html(result.sections.get('other')!.before)).toBe('<p>暂无其他需要报告的事项。</p>');
  });

  it('should put a table written in the prose in a focusable, labelled scroll region', () => {
    const { result, html } = prose('| 项目 | 数量 |\n|---|---|\n| 网站信息 | 137 |');
    expect(html(result.sections.get('overview')!.before)).toMatch(/^<section class="table-region" aria-label="正文表格 1" tabindex="0"><table>/);
  });

  it('should keep footnotes, labelled in Chinese and visible, for the end of the report', () => {
    const { result, html } = prose('共发布信息137条[^1]。\n\n[^1]: 含微信公众号。');
    expect(html(result.footnotes)).toContain('<h2 id="footnote-label">注释</h2>');
    expect(html(result.footnotes)).toContain('含微信公众号。');
    expect(html(result.sections.get('overview')!.before)).toContain('href="#user-content-fn-1"');
  });

  it('should map heading levels in order, whatever levels the Markdown used', () => {
    const { result, html } = prose('###### 小标题甲\n\n正文。\n\n## 大标题\n\n#### 中标题');
    expect(html(result.sections.get('overview')!.before)).toBe('<h5>小标题甲</h5>\n<p>正文。</p>\n<h3>大标题</h3>\n<h4>中标题</h4>'.replace(/\n/g, ''));
  });

  it('should drop an HTML comment with a raw-html warning', () => {
    const { result, html, file } = prose('正文。\n\n<!-- 内部备注 -->');
    expect(html(result.sections.get('overview')!.before)).toBe('<p>正文。</p>');
    expect(file.messages.filter((m) => m.ruleId === 'raw-html').map((m) => m.reason)).toEqual(['正文中的 HTML 代码“<!-- 内部备注 -->”已被删除。Raw HTML dropped.']);
  });
});
