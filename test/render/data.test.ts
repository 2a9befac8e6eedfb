import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { csvColumns, csvField, csvStart, reportCsv, reportsJson, schemaJson } from '../../src/render/index.js';

const corpus = new URL('../fixtures/corpus/', import.meta.url);
const huaian = JSON.parse(readFileSync(new URL('huaian-2024.expected.json', corpus), 'utf8')) as Report;
const changdai = JSON.parse(readFileSync(new URL('changdai-2021.expected.json', corpus), 'utf8')) as Report;

describe('reportsJson', () => {
  it('should assemble exactly what JSON.stringify gives for the whole site', () => {
    const reports = [changdai, huaian];
    const text = reportsJson.start + reports.map((r, i) => reportsJson.entry(r, i)).join('') + reportsJson.end(reports.length);
    expect(text).toBe(`${JSON.stringify({ schemaVersion: 1, reports }, null, 2)}\n`);
  });

  it('should give valid JSON for a site without reports', () => {
    expect(JSON.parse(reportsJson.start + reportsJson.end(0))).toEqual({ schemaVersion: 1, reports: [] });
  });
});

describe('reportCsv', () => {
  const lines = reportCsv(huaian).split('\r\n');

  it('should give one CRLF-terminated line per number: 10 + 25 × 7 + 15 for a 2021 report', () => {
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10 + 175 + 15);
  });

  it('should write agency, year, format, table, row, column and value', () => {
    expect(csvColumns).toEqual(['agency', 'year', 'format', 'table', 'row', 'column', 'value']);
    expect(lines[0]).toBe('淮安市人民政府,2024,2021,activeDisclosure,regulations,issued,1');
    expect(lines).toContain('淮安市人民政府,2024,2021,activeDisclosure,fees,amount,96171.6');
    expect(lines).toContain('淮安市人民政府,2024,2021,applications,received,total,3119');
    expect(lines).toContain('淮安市人民政府,2024,2021,applications,withheld.stateSecret,natural,2');
    expect(lines[lines.length - 1]).toBe('淮安市人民政府,2024,2021,reviewLitigation,litigationAfterReview,total,20');
  });

  it('should start the file with a BOM so that Excel reads Chinese correctly', () => {
    expect(csvStart).toBe('\uFEFFagency,year,format,table,row,column,value\r\n');
  });

  it('should quote fields as RFC 4180 says', () => {
    expect(csvField('某局')).toBe('某局');
    expect(csvField('甲,乙')).toBe('"甲,乙"');
    expect(csvField('“引号” "x"')).toBe('"“引号” ""x"""');
    expect(csvField('两\n行')).toBe('"两\n行"');
    expect(csvField(-3)).toBe('-3');
  });
});

describe('schemaJson', () => {
  it('should publish the JSON Schema of the open-data JSON', () => {
    const schema = JSON.parse(schemaJson());
    expect(schema.title).toBe('政府信息公开工作年度报告 (open data)');
    expect(JSON.stringify(schema)).toContain('withheld.stateSecret');
  });
});
