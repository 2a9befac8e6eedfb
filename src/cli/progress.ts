/**
 * The progress of a long build on standard error: reports done, their
 * rate and the time left. On a terminal one line redrawn in place; in CI
 * or when piped, a plain line now and then (no carriage returns). A build
 * shorter than `delayMs` shows nothing.
 */

/** When and how often progress is shown. */
export interface ProgressTiming {
  /** Nothing is shown before this many milliseconds: a quick build stays quiet. Default 1000. */
  readonly delayMs: number;
  /** On a terminal, the line is redrawn at most this often. Default 100 ms: smooth, and cheap. */
  readonly ttyEveryMs: number;
  /** Piped, a line is written at most this often. Default 5000 ms: a CI log gets a dozen lines a minute, not thousands. */
  readonly plainEveryMs: number;
}

const defaultTiming: ProgressTiming = { delayMs: 1000, ttyEveryMs: 100, plainEveryMs: 5000 };

/** Shows a build's progress through `write`. */
export class Progress {
  private readonly started: number;
  private shownAt: number | undefined;
  private drawn = false;
  private readonly timing: ProgressTiming;

  constructor(
    private readonly write: (text: string) => void,
    private readonly io: { readonly tty: boolean; readonly now: () => number },
    timing: Partial<ProgressTiming> = {},
  ) {
    this.timing = { ...defaultTiming, ...timing };
    this.started = io.now();
  }

  /** `done` of `total` reports are done. */
  update(done: number, total: number): void {
    const now = this.io.now();
    const elapsed = now - this.started;
    if (elapsed < this.timing.delayMs || done === 0) return;
    const every = this.io.tty ? this.timing.ttyEveryMs : this.timing.plainEveryMs;
    if (this.shownAt !== undefined && now - this.shownAt < every && done < total) return;
    this.shownAt = now;
    const line = progressLine(done, total, elapsed);
    if (this.io.tty) {
      this.write(`\r${line}\u001b[K`);
      this.drawn = true;
    } else this.write(`${line}\n`);
  }

  /** The build is over: a line drawn in place is cleared, for the summary that follows. */
  finish(): void {
    if (this.drawn) this.write('\r\u001b[K');
    this.drawn = false;
  }
}

/** One progress line: `1200/10000 份年报 · 每秒 850 份 · 约剩 11 秒 (1200/10000 reports, 850/s, about 11 s left)`. */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const rate = done / (elapsedMs / 1000);
  const left = Math.max(0, Math.ceil((total - done) / rate));
  const shownRate = rate >= 10 ? Math.round(rate) : Math.round(rate * 10) / 10;
  return `${done}/${total} 份年报 · 每秒 ${shownRate} 份 · 约剩 ${left} 秒 (${done}/${total} reports, ${shownRate}/s, about ${left} s left)`;
}
