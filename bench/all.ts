/**
 * `npm run bench`: runs bench:scan, bench:tree and bench:lens in turn (each in its own process, as `npm run` would),
 * passes their output through, then prints each one's JSON last line and, last, one combined JSON object.
 * Exits non-zero when a bench fails or prints no JSON last line.
 */
import { spawn } from 'node:child_process';

const benches = ['bench:scan', 'bench:tree', 'bench:lens'] as const;

function run(script: string): Promise<{ code: number; lastLine: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-64 * 1024);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, lastLine: tail.trimEnd().split('\n').pop() ?? '' }));
  });
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  let failed = false;
  for (const script of benches) {
    console.log(`\n> ${script}`);
    const { code, lastLine } = await run(script);
    let json: unknown = null;
    try {
      json = JSON.parse(lastLine);
    } catch {
      failed = true;
    }
    if (code !== 0) failed = true;
    results[script.replace('bench:', '')] = json ?? { error: `exit ${code}, no JSON last line` };
  }
  console.log('');
  for (const script of benches) console.log(`${script}: ${JSON.stringify(results[script.replace('bench:', '')])}`);
  console.log(JSON.stringify({ bench: 'all', ...results }));
  if (failed) process.exitCode = 1;
}

void main();
