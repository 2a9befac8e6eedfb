#!/usr/bin/env node
// The nianbao command. The TypeScript sources are compiled to out/ by
// `npm ci` (the prepare script) or `npm run compile`.
import { existsSync } from 'node:fs';

const entry = new URL('../out/src/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('nianbao: 尚未编译，请先运行 npm ci 或 npm run compile。Not compiled yet: run `npm ci` or `npm run compile`.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  tty: Boolean(process.stderr.isTTY) && !process.env.CI,
});
