/**
 * The aggregate data (`data/reports.json`, `data/reports.csv`) written while
 * the reports are being processed: when one run of jobs renders every
 * report of the site, the jobs go out in the order of the pages they are
 * expected to make, each brings back its two fragments, and they are
 * written as soon as every earlier one has been. The main thread, idle
 * while the workers work, then has nothing left to assemble at the end, and
 * only a few fragments are held at a time.
 *
 * Whether the result may be used is known only at the end: when a report
 * fell out (an error) or its page is not where its file name said, the
 * stream is abandoned and the build assembles the data from the reports'
 * JSON as an incremental build does.
 */

import { reportsJson } from '../render/data.js';
import { csvStart } from '../render/data.js';
import type { ReportSummary } from '../render/site.js';
import { dataPaths } from '../render/urls.js';
import type { Staging } from '../write/output.js';

/**
 * A report's share of the aggregate data, as UTF-8: a worker encodes it and
 * hands the bytes over without a copy, and the main thread writes them as
 * they are.
 */
export interface AggregateFragment {
  /** Its entry in `reports.json`, as `reportsJson.body` gives it. */
  readonly json: Uint8Array;
  /** Its lines of `reports.csv`. */
  readonly csv: Uint8Array;
}

const encoder = new TextEncoder();

/** A report's fragment from its open-data JSON text and its CSV lines. */
export function aggregateFragment(json: string, csv: string): AggregateFragment {
  return { json: encoder.encode(reportsJson.body(json)), csv: encoder.encode(csv) };
}

/** The aggregate data of one run of jobs, written in the order of `expected`. */
export class AggregateStream {
  private readonly json;
  private readonly csv;
  private readonly waiting = new Map<number, AggregateFragment>();
  private next = 0;
  private broken = false;
  private closed = false;

  constructor(
    private readonly staging: Staging,
    /** The data path of each report, in the order its fragment must be written. */
    private readonly expected: readonly string[],
  ) {
    this.json = staging.stream(dataPaths.reports);
    this.csv = staging.stream(dataPaths.csv);
    this.json.write(reportsJson.start);
    this.csv.write(csvStart);
  }

  /** The fragment of the report at `position` in `expected`; undefined when it has none (it was not rendered). */
  add(position: number, fragment: AggregateFragment | undefined): void {
    if (this.broken) return;
    if (!fragment) {
      this.broken = true;
      this.waiting.clear();
      return;
    }
    this.waiting.set(position, fragment);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.json.write(reportsJson.join('', this.next));
      this.json.write(ready.json);
      this.csv.write(ready.csv);
      this.next++;
    }
  }

  /** Finish the files when they hold exactly the reports of `ordered`, in that order; otherwise remove them. */
  finish(ordered: readonly ReportSummary[]): boolean {
    const complete = !this.broken && this.next === this.expected.length && ordered.length === this.expected.length && ordered.every((summary, i) => summary.data === this.expected[i]);
    if (!complete) {
      this.abandon();
      return false;
    }
    this.json.write(reportsJson.end(ordered.length));
    this.close();
    return true;
  }

  /** Remove the files: the build writes the aggregate data another way, or not at all. */
  abandon(): void {
    this.close();
    this.staging.remove(dataPaths.reports);
    this.staging.remove(dataPaths.csv);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.json.close();
    this.csv.close();
  }
}
