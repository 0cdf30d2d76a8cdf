import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsWhen, keylessDiagnostics } from '../support/diagnostics';
import { activateKeyless } from '../support/keyless';

const CLIENT = vscode.DiagnosticSeverity.Information;
const SECRET = vscode.DiagnosticSeverity.Warning;

function sample(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e workspace (samples/) is not open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

async function openSample(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(sample(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** [code, line, startColumn, endColumn, severity], 0-based like the editor. */
function summary(diagnostics: vscode.Diagnostic[]): Array<[unknown, number, number, number, vscode.DiagnosticSeverity]> {
  return diagnostics
    .map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.severity] as [unknown, number, number, number, vscode.DiagnosticSeverity])
    .sort((a, b) => a[1] - b[1]);
}

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)).filter((l) =>
    l.command?.command.startsWith('keyless.'),
  );
}

describe('Passwordless diagnostics and code lenses in a real VS Code', () => {
  before(async () => {
    await activateKeyless();
  });

  it('reports a TypeScript connection-string client and its hard-coded key with rule ids, exact ranges and category severities', async () => {
    const document = await openSample('typescript/src/blobFromConnectionString.ts');
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length >= 2);
    assert.deepEqual(summary(diagnostics), [
      ['secret-storage-account-key', 4, 72, 160, SECRET],
      ['blob-connection-string', 7, 18, 74, CLIENT],
    ]);
    const secret = document.getText(diagnostics.find((d) => d.code === 'secret-storage-account-key')!.range);
    assert.ok(diagnostics.every((d) => !d.message.includes(secret)), 'messages never carry the key');
  });

  it('puts "Use managed identity" and "Grant Storage Blob Data Reader…" lenses on the client, with the grant arguments', async () => {
    const uri = sample('typescript/src/blobFromConnectionString.ts');
    await diagnosticsWhen(uri, (d) => d.length >= 2);
    const onClient = (await lenses(uri)).filter((l) => l.range.start.line === 7);
    assert.deepEqual(onClient.map((l) => l.command!.title), ['Use managed identity', 'Grant Storage Blob Data Reader…']);
    assert.equal(onClient[0].command!.command, 'keyless.passwordless.useManagedIdentity');
    assert.equal(onClient[0].command!.arguments?.[0]?.toString(), uri.toString());
    assert.equal(onClient[1].command!.command, 'keyless.grantAccess');
    assert.deepEqual(onClient[1].command!.arguments, [{ service: 'blob', target: 'stordersprod01', roleId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' }]);
  });

  it('explains a finding on hover with the credential-free form and the roles', async () => {
    const uri = sample('typescript/src/blobFromConnectionString.ts');
    await diagnosticsWhen(uri, (d) => d.length >= 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(7, 30));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /new DefaultAzureCredential\(\)/);
    assert.match(text, /Storage Blob Data Reader/);
  });

  it('reports the Python sample and gives it lenses', async () => {
    const document = await openSample('python/blob_from_connection_string.py');
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length >= 2);
    assert.deepEqual(summary(diagnostics), [
      ['secret-storage-account-key', 3, 90, 178, SECRET],
      ['blob-connection-string', 7, 14, 73, CLIENT],
    ]);
    const titles = (await lenses(document.uri)).map((l) => `${l.range.start.line}:${l.command!.title}`);
    assert.ok(titles.includes('7:Use managed identity'), titles.join(', '));
  });

  it('reports secrets in a configuration file (appsettings.json) as warnings', async () => {
    const document = await openSample('csharp/appsettings.json');
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length >= 7);
    assert.deepEqual(
      summary(diagnostics).map(([code, line]) => `${line + 1} ${code}`),
      ['4 secret-storage-account-key', '5 secret-service-bus-key', '6 secret-cosmos-account-key', '7 secret-app-configuration', '10 secret-event-hubs-key', '16 config-client-secret', '20 config-openai-api-key'],
    );
    assert.ok(diagnostics.every((d) => d.severity === SECRET));
  });

  it('follows typing: an inserted line moves the finding, a removed client clears it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'import { ServiceBusClient } from "@azure/service-bus";\nconst sb = new ServiceBusClient(process.env.SB!);\n' });
    const editor = await vscode.window.showTextDocument(document);
    const first = await diagnosticsWhen(document.uri, (d) => d.length === 1);
    assert.deepEqual(summary(first), [['service-bus-connection-string', 1, 11, 48, CLIENT]]);
    for (const ch of '// a\n') await editor.edit((b) => b.insert(new vscode.Position(0, 0), ch));
    const moved = await diagnosticsWhen(document.uri, (d) => d[0]?.range.start.line === 2);
    assert.deepEqual(summary(moved), [['service-bus-connection-string', 2, 11, 48, CLIENT]]);
    await editor.edit((b) => b.delete(document.lineAt(2).rangeIncludingLineBreak));
    assert.deepEqual(await diagnosticsWhen(document.uri, (d) => d.length === 0), []);
    assert.deepEqual(await lenses(document.uri), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('turns lenses off with keyless.passwordless.codeLens and off for excluded globs', async () => {
    const uri = sample('typescript/src/blobFromConnectionString.ts');
    const settings = vscode.workspace.getConfiguration('keyless.passwordless');
    try {
      await settings.update('codeLens', false, vscode.ConfigurationTarget.Global);
      assert.deepEqual(await lenses(uri), []);
      assert.equal(keylessDiagnostics(uri).length, 2, 'diagnostics stay');
      await settings.update('codeLens', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('exclude', ['typescript/src/blob*.ts'], vscode.ConfigurationTarget.Global);
      await diagnosticsWhen(uri, (d) => d.length === 0);
      assert.deepEqual(await lenses(uri), []);
    } finally {
      await settings.update('codeLens', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('exclude', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(uri, (d) => d.length === 2);
    assert.equal((await lenses(uri)).length > 0, true);
  });
});
