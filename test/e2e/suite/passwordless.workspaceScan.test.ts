import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { setWasmDirectory } from '../../../src/passwordless/scanner/grammars';
import { ChecklistProvider, type ChecklistNode } from '../../../src/passwordless/vscode/checklistView';
import { editorSeverities } from '../../../src/passwordless/vscode/severity';
import { scanWorkspace } from '../../../src/passwordless/vscode/workspaceScan';
import { activateKeyless } from '../support/keyless';

const TEMP = 'zz-keyless-e2e-scan';
const CLIENT = 'import { ServiceBusClient } from "@azure/service-bus";\nexport const sb = new ServiceBusClient(process.env.SB!);\n';

function label(provider: ChecklistProvider, node: ChecklistNode): string {
  const item = provider.getTreeItem(node);
  const text = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  return item.description ? `${text} (${item.description})` : text;
}

describe('Scan Workspace for Secret-Based Clients in a real VS Code', () => {
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  const temp = () => vscode.Uri.joinPath(root(), TEMP);
  const source = new vscode.CancellationTokenSource();

  before(async () => {
    const extension = await activateKeyless();
    setWasmDirectory(path.join(extension.extensionPath, 'dist', 'assets'));
    const write = (rel: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(temp(), rel), new TextEncoder().encode(text));
    await write('.gitignore', 'ignored/\n');
    await write('kept/queue.ts', CLIENT);
    await write('ignored/queue.ts', CLIENT);
    await write('searchExcluded/queue.ts', CLIENT);
  });

  after(async () => {
    await vscode.workspace.fs.delete(temp(), { recursive: true, useTrash: false });
  });

  const scan = (token = source.token) =>
    scanWorkspace({ options: { severities: editorSeverities() }, searchExclude: [`**/${TEMP}/searchExcluded/**`], token });

  it('finds the samples in five languages and config files, honouring .gitignore and search.exclude', async () => {
    const result = await scan();
    assert.equal(result.cancelled, false);
    const paths = result.files.map((f) => f.path);
    assert.ok(paths.includes(`${TEMP}/kept/queue.ts`), `a file git does not ignore is scanned: ${paths.join(', ')}`);
    assert.ok(!paths.some((p) => p.includes('/ignored/')), '.gitignore is honoured');
    assert.ok(!paths.some((p) => p.includes('/searchExcluded/')), 'search.exclude is honoured');
    for (const expected of ['typescript/src/blobFromConnectionString.ts', 'python/cosmos.py', 'csharp/ServiceBus.cs', 'go/key_vault.go', 'typescript/.env', 'csharp/appsettings.json', 'functions/local.settings.json']) {
      assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`);
    }
    assert.ok(paths.some((p) => p.startsWith('java/')), 'Java samples are found');
  });

  it('shows the checklist grouped by service, then file, with counts; a finding opens at its range', async () => {
    const result = await scan();
    const provider = new ChecklistProvider();
    provider.setResults(result.files);
    const services = provider.getChildren();
    const labels = services.map((s) => label(provider, s));
    assert.ok(labels.some((l) => /^Blob Storage \(\d+ findings\)$/.test(l)), labels.join(', '));
    const queue = services.find((s) => label(provider, s).startsWith('Service Bus'))!;
    const files = provider.getChildren(queue);
    const kept = files.find((f) => label(provider, f).startsWith(`${TEMP}/kept/queue.ts`))!;
    assert.equal(label(provider, kept), `${TEMP}/kept/queue.ts (1 finding)`);
    const [finding] = provider.getChildren(kept);
    assert.equal(label(provider, finding), 'Line 2: service-bus-connection-string');
    const item = provider.getTreeItem(finding);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.path.endsWith(`${TEMP}/kept/queue.ts`), true);
    assert.equal(editor.selection.start.line, 1);
    const total = services.reduce((n, s) => n + provider.getChildren(s).reduce((m, f) => m + provider.getChildren(f).length, 0), 0);
    assert.equal(total, result.files.reduce((n, f) => n + f.findings.length, 0));
    provider.dispose();
  });

  it('stops when cancelled', async () => {
    const cancelled = new vscode.CancellationTokenSource();
    cancelled.cancel();
    const result = await scan(cancelled.token);
    assert.equal(result.cancelled, true);
    assert.deepEqual(result.files, []);
  });

  it('runs as the contributed command without error', async () => {
    await vscode.commands.executeCommand('keyless.passwordless.scanWorkspace');
  });
});
