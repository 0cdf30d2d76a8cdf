// Activation cost of the bundled extension: time to load dist/extension.js and run activate(), against the time
// loading the lazily required SDK file (dist/assets/azure-sdk.js) and passwordless engine (dist/assets/passwordless.js)
// take, which eager imports would add. Run after `npm run build -- --production` (or `npm run package`).
// Uses a minimal stand-in for the `vscode` module (only what activate() touches); prints ratios, JSON last line.
import { existsSync, statSync } from 'node:fs';
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
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CodeLens: class {},
  CodeAction: class {},
  CodeActionKind: { QuickFix: { append: () => ({}) }, SourceFixAll: { append: () => ({}) } },
  Disposable: { from: () => disposable },
  window: {
    createOutputChannel: () => ({ trace() {}, debug() {}, info() {}, warn() {}, error() {}, show() {}, dispose() {} }),
    createTreeView: () => disposable,
  },
  languages: {
    createDiagnosticCollection: () => disposable,
    registerCodeLensProvider: () => disposable,
    registerHoverProvider: () => disposable,
    registerCodeActionsProvider: () => disposable,
  },
  workspace: {
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }),
    onDidChangeConfiguration: () => disposable,
    onDidOpenTextDocument: () => disposable,
    onDidChangeTextDocument: () => disposable,
    onDidCloseTextDocument: () => disposable,
    textDocuments: [],
  },
  authentication: { onDidChangeSessions: () => disposable, getSession: async () => undefined },
  commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
};
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscodeStub : originalLoad.call(this, request, ...rest);
};

const context = { subscriptions: [], extensionPath: fileURLToPath(new URL('..', `file://${bundle}`)), globalState: { get: (_k, d) => d, update: async () => {} } };
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

// What the first document scan pays: loading the passwordless engine file (scanner, rules, rewriters).
const engineFile = new URL('assets/passwordless.js', new URL('.', `file://${bundle}`));
let engineMs = 0;
let engineKiB = 0;
if (existsSync(engineFile)) {
  t = performance.now();
  const engine = require(fileURLToPath(engineFile));
  engineMs = performance.now() - t;
  engineKiB = statSync(engineFile).size / 1024;
  if (typeof engine.scanText !== 'function') throw new Error('the passwordless engine file does not export scanText');
}

const bundleKiB = statSync(bundle).size / 1024;
const sdkKiB = statSync(sdkFile).size / 1024;
console.log(`bundle: ${bundleKiB.toFixed(0)} KiB, lazily loaded SDK: ${sdkKiB.toFixed(0)} KiB`);
console.log(`load bundle: ${loadMs.toFixed(1)} ms, activate(): ${activateMs.toFixed(2)} ms, modules required by activation: ${modulesAfterActivation}`);
console.log(`loading the SDK file (first Azure call) takes: ${eagerSdkMs.toFixed(1)} ms (${(eagerSdkMs / (loadMs + activateMs)).toFixed(1)}x the whole lazy activation)`);
if (engineKiB) console.log(`loading the passwordless engine file (first document scan, ${engineKiB.toFixed(0)} KiB) takes: ${engineMs.toFixed(1)} ms`);
console.log(JSON.stringify({ bundleKiB: Math.round(bundleKiB), sdkKiB: Math.round(sdkKiB), engineKiB: Math.round(engineKiB), engineMs: +engineMs.toFixed(1), loadMs: +loadMs.toFixed(1), activateMs: +activateMs.toFixed(2), eagerSdkMs: +eagerSdkMs.toFixed(1), eagerToLazyRatio: +(eagerSdkMs / (loadMs + activateMs)).toFixed(2) }));
