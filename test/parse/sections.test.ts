import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sections } from '../../src/catalogue/index.js';
import { isSpace } from '../../src/parse/chars.js';
import { matchSectionHeading, matchTitle, parseReport, stripMarkup } from '../../src/parse/index.js';

const key = (line: string) => matchSectionHeading(line)?.section.key;

describe('matchSectionHeading', () => {
  it('should recognise the six headings at any level and as plain or bold paragraphs', () => {
    expect(key('## 一、总体情况')).toBe('overview');
    expect(key('#### 四、政府信息公开行政复议、行政诉讼情况')).toBe('reviewLitigation');
    expect(key('三、收到和处理政府信息公开申请情况')).toBe('applications');
    expect(key('**六、其他需要报告的事项**')).toBe('other');
    expect(key('# 一、 总体情况')).toBe('overview');
  });

  it('should recognise the variants real reports use', () => {
    expect(key('五、政府信息公开工作存在的主要问题及改进情况')).toBe('problems');
    expect(key('五、存在的主要问题及整改措施')).toBe('problems');
    expect(key('、主动公开政府信息情况')).toBe('activeDisclosure');
    expect(key('二、主动公开政府政府情况')).toBe('activeDisclosure');
    expect(key('二、主动公开政府信息情况：')).toBe('activeDisclosure');
    expect(key('第二部分 主动公开政府信息情况')).toBe('activeDisclosure');
  });

  it('should not take sub-headings or prose for section headings', () => {
    expect(key('（一）主动公开情况')).toBeUndefined();
    expect(key('（二）依申请公开情况')).toBeUndefined();
    expect(key('1.主动公开政府信息情况')).toBeUndefined();
    expect(key('主动公开情况')).toBeUndefined();
    expect(key('（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条，全年新增公开市政府规章 1 件。')).toBeUndefined();
  });
});

/** stripMarkup as it was written with regular expressions: the reference for the code-unit version. */
function stripMarkupReference(line: string): string {
  const stripOnce = (text: string): string => {
    const start = /^\s{0,3}#{1,6}\s*|^\s*(\*\*|__)/.exec(text)?.[0].length ?? 0;
    let end = text.length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    let hashes = end;
    while (hashes > start && text[hashes - 1] === '#') hashes--;
    if (hashes < end) {
      while (hashes > start && /\s/.test(text[hashes - 1]!)) hashes--;
      return text.slice(start, hashes);
    }
    const last = text.slice(end - 2, end);
    if (end - start >= 2 && (last === '**' || last === '__')) return text.slice(start, end - 2);
    return text.slice(start);
  };
  return stripOnce(stripOnce(line)).trim();
}

describe('stripMarkup', () => {
  it('should strip what the regular expressions it replaced stripped', () => {
    const part = fc.constantFrom('#', '##', '###', '#######', '*', '**', '_', '__', ' ', '   ', '    ', '\t', '\u3000', '\u00a0', '一、总体情况', 'x', '*x*', '#x');
    fc.assert(
      fc.property(fc.array(fc.oneof(part, fc.string({ maxLength: 3 })), { maxLength: 10 }), (parts) => {
        const line = parts.join('');
        expect(stripMarkup(line)).toBe(stripMarkupReference(line));
      }),
      { numRuns: 20_000 },
    );
  });

  it('should count as white space exactly what \\s counts', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code.toString(16));
    expect(differ).toEqual([]);
  });
});

/** matchSectionHeading as it was before the word filter: every short line tried against every pattern. */
function matchSectionHeadingReference(line: string): string | undefined {
  const text = stripMarkup(line);
  if (text.length === 0 || text.length > 40) return undefined;
  const normal = text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (/^[（(][一二三四五六七八九十]+[)）]|^\d+[、.．]/.test(normal)) return undefined;
  const numbered = /^(?:第([一二三四五六七八九十]+)部分[、.．,，:：]?|([一二三四五六七八九十]+)[、.．,，:：]?|[、.．])/.exec(normal);
  const numeral = numbered?.[1] ?? numbered?.[2];
  const body = (numbered ? normal.slice(numbered[0].length) : normal).replace(/[:：。.]+$/, '');
  for (const section of sections) {
    const [strict, ...loose] = section.patterns;
    if (strict?.test(body)) return section.key;
    if (numeral === section.numeral && loose.some((p) => p.test(body))) return section.key;
  }
  return undefined;
}

describe('matchSectionHeading’s word filter', () => {
  it('should have, for every section, a word in every text its patterns match', () => {
    for (const section of sections) {
      for (const pattern of section.patterns) {
        fc.assert(
          fc.property(fc.stringMatching(pattern), (text) => {
            expect(section.words.some((word) => text.includes(word)), `${pattern} matches ${text}`).toBe(true);
          }),
          { numRuns: 2000 },
        );
      }
    }
  });

  it('should find the sections it found without the filter', () => {
    // Lines put together from the patterns' own words, numbering, markup and table cells.
    const pieces = [
      ...new Set(sections.flatMap((s) => s.patterns.flatMap((p) => p.source.match(/[\u4e00-\u9fff]+/g) ?? []).flatMap((w) => [w, ...w]))),
      ...['一、', '三、', '五.', '第二部分', '（一）', '(二)', '（', '）', '1.', '1．', '2、', '## ', '**', ' ', '\t', '\u3000', '：', '。', '0', '12', '１', '\u0301', '\u0338'],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 7 }), (parts) => {
        const line = parts.join('');
        expect(matchSectionHeading(line)?.section.key).toBe(matchSectionHeadingReference(line));
      }),
      { numRuns: 50_000 },
    );
  });
});

describe('matchTitle', () => {
  it('should read agency and year from the title line', () => {
    expect(matchTitle('# 常袋镇人民政府2021年政府信息公开工作年度报告')).toEqual({
      text: '常袋镇人民政府2021年政府信息公开工作年度报告',
      agency: '常袋镇人民政府',
      year: 2021,
    });
    expect(matchTitle('淮安市人民政府 2024 年度政府信息公开工作年度报告')?.year).toBe(2024);
    expect(matchTitle('2021年政府信息公开工作年度报告')?.agency).toBe('');
    expect(matchTitle('## 一、总体情况')).toBeUndefined();
  });
});

describe('parseReport', () => {
  it('should keep sections in order and ignore a second heading of a section already found', () => {
    const parsed = parseReport('# 某镇人民政府2022年政府信息公开工作年度报告\n\n## 一、总体情况\n\n文字\n\n## 二、主动公开政府信息情况\n\n## 一、总体情况\n');
    expect(parsed.sections.map((s) => [s.key, s.headingPlace.line])).toEqual([
      ['overview', 3],
      ['activeDisclosure', 7],
    ]);
  });

  it('should empty table, heading and title lines in the prose, keeping line numbers', () => {
    const parsed = parseReport('# 某镇人民政府2022年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n规章\t0\t0\t0\n正文\n');
    expect(parsed.prose.split('\n')).toEqual(['', '', '', '', '', '正文', '']);
    expect(parsed.sections[0]!.rows.map((r) => r.cells.map((c) => [c.text, c.place.column]))).toEqual([
      [
        ['规章', 1],
        ['0', 4],
        ['0', 6],
        ['0', 8],
      ],
    ]);
  });
});
