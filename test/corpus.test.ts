import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processReport } from '../src/process.js';

const corpus = new URL('./fixtures/corpus/', import.meta.url);

describe('the real reports of shared/corpus', () => {
  for (const name of ['changdai-2021', 'huaian-2024']) {
    it(`should read ${name} into its expected open-data JSON, value for value`, () => {
      const bytes = readFileSync(new URL(`${name}.md`, corpus));
      const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, corpus), 'utf8'));
      const { model, file } = processReport({ path: `${name}.md`, pathYear: Number(name.slice(-4)) }, bytes);
      expect(file.messages.filter((m) => m.fatal).map((m) => m.ruleId)).toEqual([]);
      expect(model?.report).toEqual(expected);
      expect(JSON.stringify(model?.report)).toBe(JSON.stringify(expected));
    });
  }
});

describe('the copy of shared/corpus in test/fixtures/corpus', () => {
  const shared = new URL('../../shared/corpus/', import.meta.url);
  it('should be identical to shared/corpus when that folder is beside the project', () => {
    let names: string[] = [];
    try {
      names = ['changdai-2021.md', 'changdai-2021.expected.json', 'huaian-2024.md', 'huaian-2024.expected.json'];
      readFileSync(new URL(names[0]!, shared));
    } catch {
      return; // A clone without shared/ beside it: nothing to compare with.
    }
    for (const name of names) {
      expect(readFileSync(new URL(name, corpus)).equals(readFileSync(new URL(name, shared))), name).toBe(true);
    }
  });
});
