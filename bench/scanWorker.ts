/** One worker of bench:scan's parallel run: scans the files it is sent and answers with the number of findings. */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { scanDocument } from '../src/passwordless/engine';

parentPort!.on('message', async (files: string[]) => {
  let findings = 0;
  for (const file of files) findings += (await scanDocument({ text: readFileSync(file, 'utf8'), fileName: file })).length;
  parentPort!.postMessage(findings);
});
