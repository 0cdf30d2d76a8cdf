// Sets up code-server (a full VS Code server build installable from npm) once, cached under .vscode-test/, and
// launches it isolated for tests and the demo. Facts behind each step: ../shared/reference/real-vscode-offline.md.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, log, run, freePort, killGroup, trackDetached, waitFor } from './proc.mjs';
import { requireSystemPackages } from './systemPackages.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const cacheDir = path.join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const packageDir = path.join(cacheDir, 'node_modules', 'code-server');
const entry = path.join(packageDir, 'out', 'node', 'entry.js');
const vscodeDir = path.join(packageDir, 'lib', 'vscode');

/** The version line of the cached install, or undefined when it is missing or broken. */
function installedVersion() {
  if (!existsSync(entry)) return undefined;
  try {
    // Its own XDG config folder, or `--version` writes a default config.yaml into the user's home.
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(cacheDir, 'xdg-config') };
    const out = execFileSync(process.execPath, [entry, '--version'], { encoding: 'utf8', timeout: 30_000, env });
    return out.split('\n').find((line) => line.startsWith(CODE_SERVER_VERSION))?.trim();
  } catch {
    return undefined;
  }
}

function link(target, at) {
  try {
    lstatSync(at);
    rmSync(at, { force: true });
  } catch {
    // absent: nothing to replace
  }
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at);
}

let ensured;

/**
 * Ensures code-server is installed in the cache and works (once per process); returns the path of its entry script.
 * The npm postinstall downloads from GitHub, so it is skipped and its steps are done here by hand.
 */
export function ensureCodeServer() {
  ensured ??= setUpOrReuse();
  return ensured;
}

async function setUpOrReuse() {
  const version = installedVersion();
  if (version) {
    log(`code-server ${version} (cached in ${path.relative(repoRoot, cacheDir)})`);
    return entry;
  }
  requireSystemPackages(['codeServerBuild', 'ripgrep']);
  const started = Date.now();
  const npmYes = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  log(`setting up code-server ${CODE_SERVER_VERSION} in ${path.relative(repoRoot, cacheDir)} (a few minutes, once)`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }));

  const steps = [
    ['1/6 npm install code-server (without its downloading postinstall)', () =>
      run('npm', ['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: cacheDir, env: npmYes })],
    ['2/6 rebuild argon2 (native binding)', () => run('npm', ['rebuild', 'argon2'], { cwd: cacheDir, env: npmYes })],
    ['3/6 install VS Code server dependencies', () =>
      run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir, env: npmYes })],
    ['4/6 link system ripgrep, rebuild native modules (node-pty, spdlog, ...)', async () => {
      const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
      link(rg, path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
      await run('npm', ['rebuild'], { cwd: vscodeDir, env: npmYes });
    }],
    ['5/6 link node_modules.asar and the remote CLI / browser helpers', async () => {
      link('node_modules', path.join(vscodeDir, 'node_modules.asar'));
      link('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
      link('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
    }],
    ['6/6 install built-in extensions\' dependencies', () =>
      run('npm', ['install', '--omit=dev'], { cwd: path.join(vscodeDir, 'extensions'), env: npmYes })],
  ];
  for (const [title, step] of steps) {
    const t = Date.now();
    log(`code-server setup ${title} ...`);
    await step();
    log(`code-server setup ${title.split(' ')[0]} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  const ready = installedVersion();
  if (!ready) throw new Error(`code-server was set up in ${cacheDir} but \`code-server --version\` fails; delete the folder and retry`);
  log(`code-server ${ready} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return entry;
}

/** The environment code-server (and so the extension host) runs with: no VS Code IPC leaking in, no gallery. */
function serverEnvironment(profile, extraEnv) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return {
    ...env,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: profile.xdgData,
    XDG_CONFIG_HOME: profile.xdgConfig,
    ...extraEnv,
  };
}

/**
 * Starts code-server on a free port with an isolated profile (see profile.mjs). Returns its base URL, `workbenchUrl()`
 * to build the page address (with an optional `payload` for extension development/tests), and `stop()`.
 * `logFile` receives the server's own output.
 */
export async function launchCodeServer({ profile, env = {}, logFile, host = '127.0.0.1', port }) {
  const serverEntry = await ensureCodeServer();
  port ??= await freePort();
  const args = [
    serverEntry,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--config', profile.config,
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = trackDetached(spawn(process.execPath, args, {
    env: serverEnvironment(profile, env),
    detached: true,
    stdio: ['ignore', out, out],
  }));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const base = `http://${host}:${port}`;
  try {
    await Promise.race([
      waitFor(async () => (await fetch(`${base}/healthz`)).ok, { timeoutMs: 30_000, what: `code-server on ${base}` }),
      exited.then((code) => {
        throw new Error(`code-server exited with ${code} before listening; see ${logFile}`);
      }),
    ]);
  } catch (error) {
    killGroup(child, 'SIGKILL');
    throw error;
  }
  return {
    url: base,
    /** The workbench address for `folder`, with VS Code's `payload` (e.g. extensionDevelopmentPath). */
    workbenchUrl({ folder, payload } = {}) {
      const query = new URLSearchParams();
      if (folder) query.set('folder', folder);
      if (payload) query.set('payload', JSON.stringify(Object.entries(payload).map(([k, v]) => [k, String(v)])));
      const q = query.toString();
      return `${base}/${q ? `?${q}` : ''}`;
    },
    /** A local absolute path as the browser must name it for the server's file system. */
    remoteUri(localPath) {
      return `vscode-remote://${host}:${port}${localPath}`;
    },
    async stop() {
      killGroup(child);
      const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!done) killGroup(child, 'SIGKILL');
    },
  };
}

/** Installs a VSIX into a profile's extensions folder with code-server's own CLI. */
export async function installExtension(profile, vsixPath) {
  const serverEntry = await ensureCodeServer();
  await run(process.execPath, [
    serverEntry,
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
    '--install-extension', vsixPath,
  ], { env: serverEnvironment(profile, {}) });
}
