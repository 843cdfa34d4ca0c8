// Worker thread entry (dist/docx-worker.js): reads one Word file off the language server's main thread, so that a
// large or pathological document never holds up diagnostics for the files being edited.
import { parentPort } from 'node:worker_threads';
import { readWordFile } from './index';

parentPort?.on('message', (msg: { id: number; path: string }) => {
  let result;
  try {
    result = readWordFile(msg.path);
  } catch (e) {
    result = { error: `${msg.path}: ${(e as Error).message}` };
  }
  parentPort!.postMessage({ id: msg.id, result });
});
