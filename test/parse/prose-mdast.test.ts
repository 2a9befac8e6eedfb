/**
 * `parseProse` must give exactly the tree `markdown.parse` gives, places
 * included: checked on the real reports, on synthetic ones, on edge cases
 * and on random prose made of every kind of Markdown the fast path leaves
 * to micromark.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticSite } from '../../bench/generate/index.js';
import { markdown } from '../../src/parse/markdown.js';
import { parseProse } from '../../src/parse/prose-mdast.js';
import { parseReport } from '../../src/parse/index.js';
import { decode } from '../../src/read/decode.js';

/** The prose of a report file, as the render stage gets it. */
function proseOf(bytes: Uint8Array): string {
  const decoded = decode(bytes);
  if (!decoded.ok) throw new Error('unreadable');
  return parseReport(decoded.text).prose;
}

/** Both parses of `prose`, and the HTML each renders to. */
function both(prose: string) {
  const fast = parseProse(prose);
  const reference = markdown.parse(prose);
  const html = (tree: Root) => toHtml(toHast(tree));
  return { fast, reference, fastHtml: html(fast), referenceHtml: html(reference) };
}

function expectSame(prose: string): void {
  const { fast, reference, fastHtml, referenceHtml } = both(prose);
  expect(fast, JSON.stringify(prose)).toStrictEqual(reference);
  expect(fastHtml).toBe(referenceHtml);
}

/** How many times micromark runs while `parseProse` parses `prose`. */
function micromarkRuns(prose: string): number {
  const spy = vi.spyOn(markdown, 'parse');
  parseProse(prose);
  const runs = spy.mock.calls.length;
  spy.mockRestore();
  return runs;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseProse on real and synthetic reports', () => {
  for (const name of ['changdai-2021', 'huaian-2024']) {
    it(`should give the corpus report ${name} the tree markdown.parse gives`, () => {
      expectSame(proseOf(readFileSync(new URL(`../fixtures/corpus/${name}.md`, import.meta.url))));
    });
  }

  it('should give 72 synthetic reports the tree markdown.parse gives', () => {
    const reports = [...syntheticSite(72, 3)];
    expect(reports).toHaveLength(72);
    for (const report of reports) expectSame(proseOf(Buffer.from(report.markdown)));
  });

  it('should build the synthetic reports without micromark but for a contact e-mail address (the point of the fast path)', () => {
    const runs = [...syntheticSite(12, 3)].map((report) => [report.markdown.includes('@'), micromarkRuns(proseOf(Buffer.from(report.markdown)))] as const);
    expect(runs.filter(([email]) => !email).length).toBeGreaterThan(0);
    for (const [email, count] of runs) expect(count).toBe(email ? 1 : 0);
  });
});

describe('parseProse on edge cases', () => {
  const cases: Record<string, string> = {
    'an empty prose': '',
    'blank lines only': '\n\n  \n\t\n',
    'a paragraph over several lines': '\n\n第一行，\n第二行。\n\n',
    'U+3000 indentation and a trailing U+3000 (text, not Markdown whitespace)': '\u3000\u3000本报告根据《条例》编制。\u3000\n\u3000第二行',
    'a no-break space at the end of a line': '全年\u00a0\n共12件\u00a0',
    'astral characters (two UTF-16 units each)': '𠀀𠀁字**𠀂**。',
    'ASCII punctuation that starts nothing': '主要有以下几个方面:一是, "引号" \'单\' (括号) {x} 50% a=b+c-d #3 ?;.',
    'a line starting with a year, and one with 1、': '2021年，我镇…\n1、主动公开情况。',
    'bold lines and bold phrases': '**（二）依申请公开情况**\n\n聚焦**重点领域信息公开**，及时公开。\n\n**中**文**字**',
    'stars that are not strong': '中**，**文\n\na**（b）**c\n\n** a**\n\n**a **\n\n***a***\n\n**a\n\na**',
    'a bold phrase over two lines': '**a\nb**\n\nabc\n**d**',
    links: '本报告电子版可在[门户网站](https://www.a0007.example.gov.cn/)查阅。\n\n[开头](http://x.y/a_b?c=1#d)\n\n[ 空格 ](u)\n\n[a](<b>)\n\n[a](b "t")\n\n[a](b(c))\n\n[a][b]\n\n[a]',
    'autolink literals': 'www.example.com\n\n见 http://example.com 。\n\n邮箱：hazwgkc@163.com。\n\nmailto:a@b.c\n\nWWW.X.CN',
    'tight lists between paragraphs': '下一步：\n\n1. 深化公开。\n2. 加强培训。\n\n中间段落。\n\n- 一\n- **二**\n- [三](http://x)\n\n结束。',
    'lists next to each other or to other blocks': '- a\n\n- b\n\n1. a\n\n2) b\n\n- a\n+ b\n\n- a\n\n  续\n\n> 引用\n\n- a',
    'list items that are not simple': '- [ ] task\n\n-  two spaces\n\n- - -\n\n1. 2. nested\n\n1234567890. x\n\n-\n\n- a\n---',
    'headings, quotes, breaks and setext underlines': '# 标题\n\n段落\n===\n\n段落\n---\n\n***\n\n> 引用\n续行\n\n#号不是标题',
    'indented blocks and code across blank lines': '    code\n\n\n    more\n\n段落\n\n  两格缩进\n\n\t制表符',
    'hard breaks and trailing spaces': '行尾两格  \n下一行\n\n行尾反斜杠\\\n下一行\n\n行尾一格 \n下一行',
    'escapes, entities, code and strikethrough': 'a\\*b\n\na&amp;b &#20013;\n\n`code`\n\n~~删除~~\n\n_强调_ __粗__ *斜*',
    'a GFM table in the prose': '| 项目 | 数量 |\n|---|---|\n| 网站信息 | 137 |\n\n后文。',
    'fences, HTML, definitions and footnotes (whole prose to micromark)':
      '段落\n\n```\n\n段落\n\n```\n\n<div>\n\n段落\n\n</div>\n\n[a]: http://x\n\n[a]\n\n脚注[^1]。\n\n[^1]: 注。',
    'a NUL character': 'a\u0000b\n\n段落',
    'ordered list numbers': '07. 七\n08. 八\n\n段落\n\n0) 零',
  };
  for (const [name, prose] of Object.entries(cases)) {
    it(`should give ${name} the tree markdown.parse gives`, () => expectSame(prose));
  }

  it('should leave runs of other blocks to micromark, one call each, and no more', () => {
    expect(micromarkRuns('段落。\n\n**粗体**\n\n1. 一\n2. 二\n\n[链接](http://x)')).toBe(0);
    expect(micromarkRuns('# 标题\n\n> 引用\n\n段落。\n\n- a\n\n- b\n\n段落。')).toBe(2);
    expect(micromarkRuns('段落\n\n```\n代码\n```')).toBe(1);
  });
});

/**
 * Lines of prose for the property: plain text the fast path builds, and
 * every construct it must leave to micromark, in the places they matter
 * (the start of a line, the end of a line, inside a paragraph).
 */
const FAST = [
  '本报告根据《条例》编制。',
  '全年共收到申请12件',
  '\u3000\u3000缩进的段落',
  '2021年，我镇',
  '1、主动公开情况。',
  '主要有以下几个方面:一是',
  'a,b;c?d(e) 50% x=y+1-2 #3',
  '"引号" \'单\' {x}',
  '𠀀𠀁',
  '中文 空格',
  '全年\u00a0',
  '**（二）依申请公开情况**',
  '聚焦**重点领域**，及时',
  '**中**文**字**',
  '[门户网站](https://www.x.gov.cn/a_b?c=1#d)',
  '见[链接](http://x)。',
  '1. 深化公开。',
  '2. 加强培训',
  '- 一项',
  '- **粗**',
  '+ 加号',
  '3) 括号',
  '1.5倍',
  '上午9:00至12:00',
  '“**重点**”',
  '**“重点”**',
  'a**“b”**c',
  '**[a](http://x)**',
  '[**a**](http://x)',
  '(见[附件](http://x/1.pdf))',
  'a\u200bb',
  '\ufeff前',
  '字\u2028字',
];
const SLOW = [
  '# 标题',
  '### 三级',
  '> 引用',
  '>',
  '- [ ] task',
  '- [x] done',
  '* 星号',
  '10. 十',
  '1234567890. x',
  '  - 缩进',
  '   1. 缩进',
  '    缩进代码',
  '\t制表符',
  '---',
  '***',
  '___',
  '===',
  '- - -',
  '```',
  '```js',
  '~~~',
  '[a]: http://x',
  '[a]',
  '[a][b]',
  '[^1]: 注',
  '脚注[^1]',
  '<div>',
  '<!-- 注释 -->',
  '<script>',
  '<span>x</span>',
  '<http://a.b>',
  'www.example.com',
  'http://example.com',
  'mailto:a@b.c',
  'hazwgkc@163.com',
  'a&amp;b',
  '&#20013;',
  'a\\*b',
  '行尾反斜杠\\',
  '行尾两格  ',
  '行尾一格 ',
  ' 前导空格',
  '*斜*',
  '_强调_',
  '__粗__',
  '~~删~~',
  '`代码`',
  '$x$',
  '| a | b |',
  '|---|---|',
  'a|b',
  ':-:',
  'a^b',
  'x:y',
  'ftp:x',
  'HTTPS://a.b',
  '![图](x.png)',
  '[a](b "t")',
  '[ a ](u)',
  '中**，**文',
  '** a**',
  '***a***',
  '**a',
  'a**',
  '\u0000',
];
const BLANK = ['', '', '', '  ', '\t', '    ', '     ', ' \t '];

const line = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FAST) }, { weight: 2, arbitrary: fc.constantFrom(...SLOW) }), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''));
const prose = fc
  .array(fc.oneof({ weight: 3, arbitrary: line }, { weight: 2, arbitrary: fc.constantFrom(...BLANK) }), { maxLength: 24 })
  .map((lines) => lines.join('\n'));

describe('property: parseProse equals markdown.parse', () => {
  it('should give random prose of every construct the tree and HTML markdown.parse gives', () => {
    fc.assert(
      fc.property(prose, (text) => expectSame(text)),
      { numRuns: 2000 },
    );
  }, 120_000);

  it('should give random prose of mostly built blocks (lists and paragraphs side by side) the same tree', () => {
    const fastLine = fc.constantFrom(...FAST);
    const block = fc.array(fastLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
    const mixed = fc
      .array(fc.oneof({ weight: 5, arbitrary: block }, { weight: 1, arbitrary: fc.constantFrom(...SLOW) }), { maxLength: 12 })
      .chain((blocks) => fc.tuple(fc.constant(blocks), fc.array(fc.constantFrom('\n\n', '\n\n\n', '\n  \n', '\n     \n', '\n\n\t\n'), { minLength: blocks.length, maxLength: blocks.length })))
      .map(([blocks, gaps]) => blocks.map((b, i) => b + (gaps[i] ?? '')).join(''));
    fc.assert(
      fc.property(mixed, (text) => expectSame(text)),
      { numRuns: 2000 },
    );
  }, 120_000);

  // Random text, mostly characters that are text, with the syntax the fast path builds and
  // the characters it must not take for text. No `<`: it sends the whole prose to micromark.
  const TEXT = [...'中文，（）“”　a1.:/- ', '𠀀'];
  const SYNTAX = ['**', '[', ']', '](u)', '](http://a.b/c_d)', '\n', '\n\n', '- ', '1. ', '\n- ', '\n1. '];
  const OTHER = [...'*()wW+_~#>!&\\`|@"\'=\t$^{}%;?,', 'www.', 'http', '://', '2.', '3)', '\u00a0', '\u200b'];
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TEXT) },
    { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
    { weight: 1, arbitrary: fc.constantFrom(...OTHER) },
  );
  const random = (maxLength: number) => fc.array(token, { maxLength }).map((tokens) => tokens.join(''));

  it('should give random strings of the characters Markdown cares about the same tree', () => {
    fc.assert(
      fc.property(random(30), (text) => expectSame(text)),
      { numRuns: 2000 },
    );
  }, 120_000);

  it('should read **strong** and [links](url) between random neighbours as micromark does', () => {
    // Mostly text, so that many of them are built, and the odd character that must not be.
    const near = fc
      .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...TEXT) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER, '\n', '**') }), { maxLength: 4 })
      .map((tokens) => tokens.join(''));
    const url = fc
      .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'ab1/:._~-?#=%+,;@$') }, { weight: 1, arbitrary: fc.constantFrom('(', ')', ' ', '*', '&', '\\', '中', '"') }), { maxLength: 8 })
      .map((chars) => chars.join(''));
    const strong = fc.tuple(near, near, near).map(([before, inner, after]) => `${before}**${inner}**${after}`);
    const link = fc.tuple(near, near, url, near).map(([before, text, href, after]) => `${before}[${text}](${href})${after}`);
    fc.assert(
      fc.property(fc.oneof(strong, link), fc.oneof(strong, link, near), (a, b) => expectSame(`${a}${b}`)),
      { numRuns: 2000 },
    );
  }, 120_000);
});
