import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AggregateStream } from '../../src/build/aggregate.js';
import { csvStart, reportsJson } from '../../src/render/data.js';
import type { ReportSummary } from '../../src/render/site.js';
import { dataPaths } from '../../src/render/urls.js';
import { Staging } from '../../src/write/output.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function staging(): Promise<Staging> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-aggregate-'));
  folders.push(dir);
  return Staging.open(join(dir, 'dist'));
}

const summary = (data: string) => ({ data }) as ReportSummary;
const encoder = new TextEncoder();
const fragment = (n: number) => ({ json: encoder.encode(`{ "n": ${n} }`), csv: encoder.encode(`a,${n}\r\n`) });

describe('AggregateStream', () => {
  it('should write fragments in their order whatever order they come in', async () => {
    const s = await staging();
    const stream = new AggregateStream(s, ['a/report.json', 'b/report.json', 'c/report.json']);
    stream.add(2, fragment(2));
    stream.add(0, fragment(0));
    stream.add(1, fragment(1));
    expect(stream.finish([summary('a/report.json'), summary('b/report.json'), summary('c/report.json')])).toBe(true);
    const json = readFileSync(join(s.dir, dataPaths.reports), 'utf8');
    expect(json).toBe(`${reportsJson.start}${[0, 1, 2].map((n) => reportsJson.join(`{ "n": ${n} }`, n)).join('')}${reportsJson.end(3)}`);
    expect(JSON.parse(json)).toEqual({ schemaVersion: 1, reports: [{ n: 0 }, { n: 1 }, { n: 2 }] });
    expect(readFileSync(join(s.dir, dataPaths.csv), 'utf8')).toBe(`${csvStart}a,0\r\na,1\r\na,2\r\n`);
  });

  it('should remove its files when a report brought no fragment', async () => {
    const s = await staging();
    const stream = new AggregateStream(s, ['a/report.json', 'b/report.json']);
    stream.add(1, fragment(1));
    stream.add(0, undefined);
    expect(stream.finish([summary('a/report.json'), summary('b/report.json')])).toBe(false);
    expect(existsSync(join(s.dir, dataPaths.reports))).toBe(false);
    expect(existsSync(join(s.dir, dataPaths.csv))).toBe(false);
  });

  it('should remove its files when the site’s order is not the one it wrote', async () => {
    const s = await staging();
    const stream = new AggregateStream(s, ['a/report.json', 'b/report.json']);
    stream.add(0, fragment(0));
    stream.add(1, fragment(1));
    expect(stream.finish([summary('b/report.json'), summary('a/report.json')])).toBe(false);
    expect(existsSync(join(s.dir, dataPaths.csv))).toBe(false);
  });

  it('should remove its files when the site has a report it did not write', async () => {
    const s = await staging();
    const stream = new AggregateStream(s, ['a/report.json']);
    stream.add(0, fragment(0));
    expect(stream.finish([summary('a/report.json'), summary('b/report.json')])).toBe(false);
    expect(existsSync(join(s.dir, dataPaths.reports))).toBe(false);
  });
});
