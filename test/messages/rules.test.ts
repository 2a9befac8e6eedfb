import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/messages/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const cases = new URL('../fixtures/cases/', import.meta.url);
const covered = new Set(
  readdirSync(cases).flatMap((name) => (JSON.parse(readFileSync(new URL(`${name}/expected.json`, cases), 'utf8')).messages as { ruleId: string }[]).map((m) => m.ruleId)),
);

describe('the rule registry', () => {
  const ids = Object.keys(rules);

  it('should name every rule in kebab-case', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('should document every rule in the README', () => {
    for (const id of ids) expect(readme, id).toContain(`\`${id}\``);
  });

  /** Rules whose example does not fit a fixture folder, and where they are tested instead. */
  const testedElsewhere: Record<string, string> = {
    'page-conflict': 'test/build.test.ts (a build-time rule)',
    'table-too-large': 'test/hostile.test.ts (its example is 20 MB)',
  };

  it('should have a fixture case that produces every rule, or say where it is tested', () => {
    const missing = ids.filter((id) => !covered.has(id) && !(id in testedElsewhere));
    expect(missing).toEqual([]);
  });
});
