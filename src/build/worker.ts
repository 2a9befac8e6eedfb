/**
 * A worker thread of a build (`pool.ts`): runs the report jobs and renders
 * the site pages it is sent, and posts back what came of them. An exception is a bug or an unwritable
 * staging folder: it is posted as an error, and the build fails with it.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from './job.js';
import { renderPage, workerContext, type WorkerReply, type WorkerSetup, type WorkerTask } from './pool.js';

const context = workerContext(workerData as WorkerSetup);
const port = parentPort!;
port.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  // The aggregate data's bytes are handed over, not copied.
  const transfer: ArrayBuffer[] = [];
  try {
    if (task.kind === 'reports') {
      const outcomes = task.items.map((job) => runJob(job, context));
      for (const { aggregate } of outcomes) if (aggregate) transfer.push(aggregate.json.buffer as ArrayBuffer, aggregate.csv.buffer as ArrayBuffer);
      reply = { results: outcomes };
    } else reply = { results: task.items.map((page) => renderPage(page, context)) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  port.postMessage(reply, transfer);
});
