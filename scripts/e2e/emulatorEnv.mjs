// For F5 in VS Code (.vscode/tasks.json "emulator" task): starts the ARM emulator (demo scenario), writes its URL and
// CA path to .vscode-test/emulator.env (read by launch.json's envFile), prints a ready line, and serves until stopped.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, onSignals } from './proc.mjs';
import { launchEmulator } from './emulator.mjs';

export const emulatorEnvFile = path.join(repoRoot, '.vscode-test', 'emulator.env');

const emulator = await launchEmulator({ scenario: process.argv[2] ?? 'demo' });
onSignals(() => emulator.stop());
mkdirSync(path.dirname(emulatorEnvFile), { recursive: true });
writeFileSync(emulatorEnvFile, `KEYLESS_ARM_ENDPOINT=${emulator.url}\nKEYLESS_ARM_CA=${emulator.caPath}\n`);
console.log(`Keyless emulator ready: ${emulator.url} (env in ${path.relative(repoRoot, emulatorEnvFile)})`);
