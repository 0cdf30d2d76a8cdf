/**
 * `keyless scan [paths…] [--format text|json|sarif] [--fail-on-findings]`: the passwordless engine from a terminal.
 * Exit 0 = ran, 1 = findings with --fail-on-findings, 2 = error (bad arguments, unreadable path).
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { scanDocument } from '../passwordless/engine';
import { formatText, toJson, type FileFinding } from './report';
import { toSarif } from './sarif';
import { filesToScan } from './walk';

const usage = `Usage: keyless scan [paths…] [--format text|json|sarif] [--fail-on-findings] [--exclude <glob>]…

Finds secret-based Azure client code and hard-coded secrets, and names the credential-free replacement.
Exit codes: 0 ran, 1 findings with --fail-on-findings, 2 error.`;

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on-findings': { type: 'boolean', default: false },
        exclude: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'scan') {
    io.err(command ? `Unknown command "${command}".\n${usage}` : usage);
    return 2;
  }
  if (!formats.includes(values.format as Format)) {
    io.err(`--format must be one of ${formats.join(', ')}.`);
    return 2;
  }
  try {
    const { results, files } = await scanPaths(paths.length ? paths : ['.'], io.cwd, values.exclude);
    io.out(render(values.format as Format, results, files));
    return values['fail-on-findings'] && results.length > 0 ? 1 : 0;
  } catch (error) {
    io.err(`keyless: ${(error as Error).message}`);
    return 2;
  }
}

async function scanPaths(paths: readonly string[], cwd: string, exclude: readonly string[]): Promise<{ results: FileFinding[]; files: number }> {
  const results: FileFinding[] = [];
  let files = 0;
  for await (const path of filesToScan(paths.map((p) => resolve(cwd, p)), cwd)) {
    const file = relative(cwd, path).split(sep).join('/') || path;
    const text = await readFile(path, 'utf8');
    files++;
    for (const finding of await scanDocument({ text, fileName: file }, { exclude })) results.push({ file, finding });
  }
  return { results, files };
}

function render(format: Format, results: readonly FileFinding[], files: number): string {
  if (format === 'json') return JSON.stringify(results.map(toJson), null, 2);
  if (format === 'sarif') return JSON.stringify(toSarif(results, version), null, 2);
  return formatText(results, files);
}

if (require.main === module) {
  runCli(process.argv.slice(2), { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`), cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
