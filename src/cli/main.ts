/**
 * `keyless scan [paths…] [--format text|json|sarif] [--fail-on-findings] [--fix [--identity …]]`: the passwordless
 * engine from a terminal. Exit 0 = ran, 1 = findings (remaining after --fix) with --fail-on-findings, 2 = error.
 */
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { version } from '../../package.json';
import { fixPaths } from './fix';
import { formatFixes, formatText, toJson, type FileFinding } from './report';
import { toSarif } from './sarif';
import { scanPaths } from './scan';

const usage = `Usage: keyless scan [paths…] [--format text|json|sarif] [--fail-on-findings] [--exclude <glob>]…
                   [--fix [--identity default|user-assigned]]

Finds secret-based Azure client code and hard-coded secrets, and names the credential-free replacement.
--fix rewrites what it can to DefaultAzureCredential (user-assigned: the identity's client ID from AZURE_CLIENT_ID),
declares the identity library in the nearest manifest, prints what changed, then reports what is left.
Exit codes: 0 ran, 1 findings (left) with --fail-on-findings, 2 error.`;

const identities = { default: 'default', 'user-assigned': 'userAssigned' } as const;

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
        fix: { type: 'boolean', default: false },
        identity: { type: 'string', default: 'default' },
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
  if (!(values.identity in identities)) {
    io.err(`--identity must be one of ${Object.keys(identities).join(', ')}.`);
    return 2;
  }
  try {
    if (values.fix) {
      const run = await fixPaths(paths.length ? paths : ['.'], io.cwd, values.exclude, identities[values.identity as keyof typeof identities]);
      // Machine-readable output keeps stdout to the findings; the account of the changes goes to stderr then.
      (values.format === 'text' ? io.out : io.err)(formatFixes(run));
      io.out(render(values.format as Format, run.remaining, run.files));
      if (run.failed.length > 0) return 2;
      return values['fail-on-findings'] && run.remaining.length > 0 ? 1 : 0;
    }
    const { results, files } = await scanPaths(paths.length ? paths : ['.'], io.cwd, { exclude: values.exclude });
    io.out(render(values.format as Format, results, files));
    return values['fail-on-findings'] && results.length > 0 ? 1 : 0;
  } catch (error) {
    io.err(`keyless: ${(error as Error).message}`);
    return 2;
  }
}

function render(format: Format, results: readonly FileFinding[], files: number): string {
  if (format === 'json') return JSON.stringify(results.map(toJson), null, 2);
  if (format === 'sarif') return JSON.stringify(toSarif(results, version), null, 2);
  return formatText(results, files);
}

// A scan worker (scanPool.ts) loads this bundle too: only the main thread runs the command.
if (require.main === module && isMainThread) {
  runCli(process.argv.slice(2), { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`), cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
