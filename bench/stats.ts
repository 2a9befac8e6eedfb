/** Medians and ranges of a few samples, and how the bench prints them. */

/** A figure measured several times. */
export interface Summary {
  readonly samples: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Median (mean of the middle two for an even count), min and max. */
export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { samples: [...samples], median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/** `1.23 s` or `456 ms`. */
export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** `312 MiB` from KiB. */
export function mebibytes(kib: number): string {
  return `${Math.round(kib / 1024)} MiB`;
}

/** `1.23 s (1.20–1.31 s)`. */
export function range(s: Summary, unit: (n: number) => string): string {
  return `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`;
}
