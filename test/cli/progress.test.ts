import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { Progress, progressLine } from '../../src/cli/progress.js';
import { makeProject, twoAgencies } from '../helpers/project.js';

/** A clock that moves `step` ms each time it is read. */
function fakeClock(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

describe('Progress', () => {
  it('should redraw one line in place on a terminal and clear it at the end', () => {
    let text = '';
    const progress = new Progress((t) => (text += t), { tty: true, now: fakeClock(500) });
    for (let done = 1; done <= 4; done++) progress.update(done, 4);
    progress.finish();
    expect(text).toContain('\r4/4 份年报');
    expect(text).toContain('\u001b[K');
    expect(text.endsWith('\r\u001b[K')).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('should write plain lines, without carriage returns, when piped', () => {
    let text = '';
    const progress = new Progress((t) => (text += t), { tty: false, now: fakeClock(3000) });
    for (let done = 1; done <= 4; done++) progress.update(done, 4);
    progress.finish();
    expect(text).not.toMatch(/[\r\u001b]/);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe(progressLine(4, 4, 12000));
  });

  it('should show nothing for a build quicker than the delay', () => {
    let text = '';
    const progress = new Progress((t) => (text += t), { tty: true, now: fakeClock(1) });
    for (let done = 1; done <= 100; done++) progress.update(done, 100);
    progress.finish();
    expect(text).toBe('');
  });

  it('should say how many reports are done, the rate and the time left', () => {
    expect(progressLine(1200, 10000, 2000)).toBe('1200/10000 份年报 · 每秒 600 份 · 约剩 15 秒 (1200/10000 reports, 600/s, about 15 s left)');
  });
});

describe('nianbao build progress through the CLI', () => {
  const build = async (tty: boolean) => {
    const p = makeProject(twoAgencies);
    let stdout = '';
    let stderr = '';
    const code = await main(['build'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: p.dir, color: false, tty, now: fakeClock(6000) });
    p.remove();
    return { code, stdout, stderr };
  };

  it('should animate on a terminal and end with the summary line', async () => {
    const { code, stdout, stderr } = await build(true);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\r.*份年报.*\u001b\[K/);
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(stdout).toMatch(/Built 2 reports, 5 pages, 5 data files, \d+ warnings? in \d+\.\d s\.\n$/);
  });

  it('should print plain lines when piped', async () => {
    const { code, stderr } = await build(false);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^2\/2 份年报 .*\n$/m);
    expect(stderr).not.toMatch(/[\r\u001b]/);
  });
});
