import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

/** `npm run emulator -- --port <p> --scenario <name|file> [--page-size <n>]`: one line on start, then serve until killed. */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    scenario: { type: 'string', default: 'demo' },
    'page-size': { type: 'string' },
    'principal-not-found-ms': { type: 'string' },
  },
});

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: Number(values.port),
    scenario: values.scenario,
    pageSize: values['page-size'] ? Number(values['page-size']) : undefined,
  principalNotFoundWindowMs: values['principal-not-found-ms'] ? Number(values['principal-not-found-ms']) : undefined,
  });
  process.stdout.write(`ARM emulator listening on ${emulator.url} (CA: ${emulator.caPath})\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void emulator.stop().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ARM emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
