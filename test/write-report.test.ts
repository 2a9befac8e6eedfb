import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processReport } from '../src/process.js';
import { writeReportMarkdown, type Layout } from './support/write-report.js';

const huaian = JSON.parse(readFileSync(new URL('./fixtures/corpus/huaian-2024.expected.json', import.meta.url), 'utf8'));

const layouts: Record<string, Layout> = {
  tsv: {},
  pipe: { table: 'pipe' },
  'tsv, no shift': { shift: false },
  'every deviation': { asciiBrackets: true, enumeratedComma: true, blankLineInTable: true, crlf: true, bom: true, socialOrganisation: true, headingLevels: [1, 2, 4, 0, 3, 6] },
  'pipe, every deviation': { table: 'pipe', asciiBrackets: true, enumeratedComma: true, crlf: true, headingLevels: [3, 3, 3, 3, 3, 3] },
};

describe('writeReportMarkdown (test support)', () => {
  for (const [name, layout] of Object.entries(layouts)) {
    it(`should write Markdown that reads back into the same model (${name})`, () => {
      const text = writeReportMarkdown(huaian, layout);
      const { model, file } = processReport({ path: 'generated.md' }, Buffer.from(text));
      expect(file.messages.map((m) => `${m.line}:${m.ruleId} ${m.reason}`)).toEqual([]);
      expect(model?.report).toEqual(huaian);
    });
  }
});
