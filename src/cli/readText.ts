/**
 * Reads a source file as UTF-8 through one reused buffer: a scan reads thousands of small files, and readFileSync's
 * stat and fresh buffer per call cost about a third of the reading itself (bench:scan). Files that fill the buffer
 * are read the ordinary way.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const bufferSize = 1024 * 1024;
let buffer: Buffer | undefined;

export function readText(path: string): string {
  buffer ??= Buffer.allocUnsafe(bufferSize);
  const fd = openSync(path, 'r');
  let length = 0;
  try {
    for (let read = -1; read !== 0 && length < bufferSize; length += read) read = readSync(fd, buffer, length, bufferSize - length, null);
  } finally {
    closeSync(fd);
  }
  return length < bufferSize ? buffer.toString('utf8', 0, length) : readFileSync(path, 'utf8');
}
