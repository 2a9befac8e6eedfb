/**
 * One runner over test/fixtures/cases/: each folder is a real report (or a
 * small reports/ folder) with its README saying what it shows and
 * expected.json holding every message it must produce (rule, severity,
 * file, line, column) and, where it matters, values of its model.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../src/cli/check.js';
import { severityOf } from '../src/messages/index.js';

const root = fileURLToPath(new URL('./fixtures/cases/', import.meta.url));

interface Expected {
  readonly messages: readonly { path: string; line: number; column: number; ruleId: string; severity: string }[];
  /** Per file: null when no model may be built, or values at dotted paths of the model. */
  readonly models?: Record<string, null | Record<string, unknown>>;
  /** Per file: the whole model must equal this corpus file's expected JSON (plus `extra`). */
  readonly sameAs?: Record<string, { corpus: string; extra?: Record<string, unknown> }>;
}

/** Run `check` over a case folder as the CLI would. */
export async function runCase(name: string) {
  const dir = join(root, name);
  const input = existsSync(join(dir, 'reports')) ? 'reports' : '.';
  const { files } = await checkFiles([input], dir);
  const messages = files.flatMap(({ file }) =>
    file.messages.map((m) => ({ path: file.path, line: m.line ?? 0, column: m.column ?? 0, ruleId: m.ruleId ?? '', severity: severityOf(m) })),
  );
  messages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1)));
  return { files, messages };
}

function at(value: unknown, path: string): unknown {
  return path.split('/').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

describe('the cases of test/fixtures/cases', () => {
  for (const name of readdirSync(root).sort()) {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
    const rules = [...new Set(expected.messages.map((m) => m.ruleId))].join(', ') || 'no message';
    it(`should report ${rules} on ${name}`, async () => {
      const { files, messages } = await runCase(name);
      expect(messages).toEqual(expected.messages);
      for (const [path, values] of Object.entries(expected.models ?? {})) {
        const report = files.find((f) => f.file.path === path)?.report;
        if (values === null) expect(report, path).toBeNull();
        else for (const [key, value] of Object.entries(values)) expect(at(report, key), `${path} ${key}`).toEqual(value);
      }
      for (const [path, { corpus, extra }] of Object.entries(expected.sameAs ?? {})) {
        const report = files.find((f) => f.file.path === path)?.report;
        const base = JSON.parse(readFileSync(new URL(`./fixtures/corpus/${corpus}.expected.json`, import.meta.url), 'utf8'));
        expect(report, path).toEqual({ ...base, ...extra });
      }
    });
  }
});
