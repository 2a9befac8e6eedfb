import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processReport } from '../../src/process.js';

const sample = readFileSync(new URL('../../reports/2021.md', import.meta.url), 'utf8');

describe('buildModel', () => {
  it('should report model-invalid, not silently give no model, for a year the schema does not accept', () => {
    const text = sample.replace('常袋镇人民政府2021年', '常袋镇人民政府2007年');
    const { model, file } = processReport({ path: 'reports/2007.md', pathYear: 2007 }, new TextEncoder().encode(text));
    expect(model?.report).toBeNull();
    const errors = file.messages.filter((m) => m.fatal);
    expect(errors.map((m) => [m.ruleId, m.line])).toEqual([['model-invalid', 3]]);
    expect(errors[0]!.reason).toContain('year');
  });
});
