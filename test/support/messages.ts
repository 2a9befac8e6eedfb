/** Assertions every finding of nianbao must satisfy, whatever the input. */

import { expect } from 'vitest';
import { rules } from '../../src/messages/index.js';
import type { ProcessedReport } from '../../src/process.js';

/**
 * Every message has a registered rule id with its severity, a place inside
 * the file (1-based, its end not before its start) and a reason without
 * `undefined`, `NaN` or `[object …]` in it; a report without errors has a model.
 */
export function expectWellFormed({ file, model }: ProcessedReport): void {
  const lineCount = typeof file.value === 'string' ? file.value.split('\n').length : Number.MAX_SAFE_INTEGER;
  for (const m of file.messages) {
    const shown = `${m.line}:${m.column} ${m.ruleId} ${m.reason.slice(0, 200)}`;
    expect(Object.hasOwn(rules, m.ruleId ?? ''), shown).toBe(true);
    expect(m.fatal, shown).toBe(rules[m.ruleId as keyof typeof rules].severity === 'error');
    expect(m.line, shown).toBeGreaterThanOrEqual(1);
    expect(m.line, shown).toBeLessThanOrEqual(lineCount);
    expect(m.column, shown).toBeGreaterThanOrEqual(1);
    const end = m.place && 'end' in m.place ? m.place.end : undefined;
    if (end) expect(end.line > m.line! || (end.line === m.line && end.column >= m.column!), shown).toBe(true);
    expect(m.reason, shown).not.toMatch(/undefined|NaN|\[object /);
  }
  // A report without errors has a model: never “green” with nothing published.
  if (!file.messages.some((m) => m.fatal)) expect(model?.report, 'no error but no model').toBeTruthy();
}
