// Activation cost of the bundled extension: time to load dist/extension.js and run activate(), against the time
// loading the lazily required SDK file (dist/assets/azure-sdk.js) takes, which an eager import would add. Run after `npm run build -- --production` (or `npm run package`).
// Uses a minimal stand-in for the `vscode` module (only what activate() touches); prints ratios, JSON last line.
import { statSync } from 'node:fs';
import Module from 'node:module';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bundle = process.env.BUNDLE ?? fileURLToPath(new URL('../dist/extension.js', import.meta.url));

const disposable = { dispose() {} };
class EventEmitter {
  listeners = [];
  event = (l) => (this.listeners.push(l), disposable);
  fire(v) { for (const l of this.listeners) l(v); }
  dispose() {}
}
const vscodeStub = {
  EventEmitter,
  ThemeIcon: class {},
  ThemeColor: class {},
  TreeItem: class {},
  MarkdownString: class {},
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ConfigurationTarget: { Global: 1 },
  CancellationError: class extends Error {},
  window: {
    createOutputChannel: () => ({ trace() {}, debug() {}, info() {}, warn() {}, error() {}, show() {}, dispose() {} }),
    createTreeView: () => disposable,
  },
  workspace: {
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }),
    onDidChangeConfiguration: () => disposable,
  },
  authentication: { onDidChangeSessions: () => disposable, getSession: async () => undefined },
  commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
};
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscodeStub : originalLoad.call(this, request, ...rest);
};

const context = { subscriptions: [], globalState: { get: (_k, d) => d, update: async () => {} } };
let t = performance.now();
const extension = require(bundle);
const loadMs = performance.now() - t;
t = performance.now();
extension.activate(context);
const activateMs = performance.now() - t;
const modulesAfterActivation = Object.keys(require.cache).length;

// What the first Azure call pays, and activation would pay if the SDK were bundled eagerly: loading the SDK file.
const sdkFile = new URL('assets/azure-sdk.js', new URL('.', `file://${bundle}`));
t = performance.now();
const sdk = require(fileURLToPath(sdkFile));
const eagerSdkMs = performance.now() - t;
if (typeof sdk.ManagedServiceIdentityClient !== 'function') throw new Error('the SDK file does not export the clients');

const bundleKiB = statSync(bundle).size / 1024;
const sdkKiB = statSync(sdkFile).size / 1024;
console.log(`bundle: ${bundleKiB.toFixed(0)} KiB, lazily loaded SDK: ${sdkKiB.toFixed(0)} KiB`);
console.log(`load bundle: ${loadMs.toFixed(1)} ms, activate(): ${activateMs.toFixed(2)} ms, modules required by activation: ${modulesAfterActivation}`);
console.log(`loading the SDK file (first Azure call) takes: ${eagerSdkMs.toFixed(1)} ms (${(eagerSdkMs / (loadMs + activateMs)).toFixed(1)}x the whole lazy activation)`);
console.log(JSON.stringify({ bundleKiB: Math.round(bundleKiB), sdkKiB: Math.round(sdkKiB), loadMs: +loadMs.toFixed(1), activateMs: +activateMs.toFixed(2), eagerSdkMs: +eagerSdkMs.toFixed(1), eagerToLazyRatio: +(eagerSdkMs / (loadMs + activateMs)).toFixed(2) }));
