import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticsWhen } from '../support/diagnostics';
import { activateKeyless } from '../support/keyless';

const TEMP = 'zz-keyless-e2e-quickfix';
const SAMPLE = 'typescript/src/blobFromConnectionString.ts';
const FIX_ALL = 'Fix all secret-based clients in this file';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('keyless');
const CALL = 'BlobServiceClient.fromConnectionString(connectionString)';
const CREDENTIAL_FREE = "new BlobServiceClient('https://stordersprod01.blob.core.windows.net', new DefaultAzureCredential())";
const IDENTITY_IMPORT = "import { DefaultAzureCredential } from '@azure/identity';\n";
/** The copy's own manifest, without the identity library, so the dependency fix is offered. */
const MANIFEST = '{\n  "name": "quick-fix-copy",\n  "dependencies": {\n    "@azure/storage-blob": "^12.26.0"\n  }\n}\n';

/** The sample after the preferred fix: the endpoint from the connection string, the identity import added once. */
function fixed(original: string): string {
  const afterFirstImport = original.indexOf('\n') + 1;
  return (original.slice(0, afterFirstImport) + IDENTITY_IMPORT + original.slice(afterFirstImport)).replace(CALL, CREDENTIAL_FREE);
}

/** The sample after fixing the whole file: also the connection string constant the client no longer uses is gone. */
function fixedAll(original: string): string {
  const withoutSecret = fixed(original).replace(/^const connectionString =\n  '[^']*';\n/m, '');
  assert.notEqual(withoutSecret, fixed(original), 'the sample declares its secret as the test expects');
  return withoutSecret;
}

describe('Passwordless quick fixes in a real VS Code', () => {
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  const copy = () => vscode.Uri.joinPath(root(), TEMP, 'blobFromConnectionString.ts');
  const manifest = () => vscode.Uri.joinPath(root(), TEMP, 'package.json');
  let original = '';

  before(async () => {
    await activateKeyless();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root(), SAMPLE)));
    await vscode.workspace.fs.writeFile(copy(), new TextEncoder().encode(original));
    await vscode.workspace.fs.writeFile(manifest(), new TextEncoder().encode(MANIFEST));
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('keyless').update('passwordless.identity', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), TEMP), { recursive: true, useTrash: false });
  });

  /** Opens the copy in an editor and waits for its client finding. */
  async function openCopy(): Promise<{ editor: vscode.TextEditor; client: vscode.Diagnostic }> {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy()));
    const diagnostics = await diagnosticsWhen(copy(), (d) => d.some((x) => x.code === 'blob-connection-string'));
    return { editor, client: diagnostics.find((d) => d.code === 'blob-connection-string')! };
  }

  async function keylessActions(range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
    const actions = await codeActions(range, kind);
    // Refactorings of the TypeScript extension share the range; diagnostics do not survive the command's conversion.
    return actions.filter((a) => a.kind && (vscode.CodeActionKind.QuickFix.contains(a.kind) || FIX_ALL_KIND.contains(a.kind)));
  }

  /**
   * The code actions at a range. While its server starts, the TypeScript extension's own provider may cancel, which
   * rejects the whole command ("Canceled"): ask again, as the editor does on the next cursor move.
   */
  async function codeActions(range: vscode.Range, kind?: string, attempts = 3): Promise<vscode.CodeAction[]> {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', copy(), range, kind, 10);
    } catch (error) {
      if (attempts <= 1 || !(error instanceof Error) || error.message !== 'Canceled') throw error;
      return codeActions(range, kind, attempts - 1);
    }
  }

  /** Undo in the editor, as a developer would after a fix; resolves when the document changed back. */
  async function undo(document: vscode.TextDocument): Promise<void> {
    const changed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== document) return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('undo');
    await changed;
  }

  it('offers the preferred identity fix first, the user-assigned variant, fix-all and the missing dependency; applying the fix rewrites the client and one undo restores the file exactly', async () => {
    const { editor, client } = await openCopy();
    const actions = await keylessActions(client.range);
    assert.deepEqual(
      actions.slice(0, 3).map((a) => [a.title, a.kind?.value, a.isPreferred ?? false]),
      [
        ['Use DefaultAzureCredential', 'quickfix', true],
        ['Use a user-assigned managed identity (AZURE_CLIENT_ID)', 'quickfix', false],
        [FIX_ALL, 'quickfix', false],
      ],
    );
    assert.equal(actions.length, 4);
    assert.match(actions[3].title, /^Add @azure\/identity \^\d+\.\d+\.\d+ to package\.json/);
    assert.equal(await vscode.workspace.applyEdit(actions[0].edit!), true);
    assert.equal(editor.document.getText(), fixed(original));
    await undo(editor.document);
    assert.equal(editor.document.getText(), original);
  });

  it('adds the identity library to the nearest package.json that lacks it, in one edit of that file', async () => {
    const { client } = await openCopy();
    const add = (await keylessActions(client.range)).find((a) => a.title.startsWith('Add @azure/identity'))!;
    assert.deepEqual(add.edit!.entries().map(([uri]) => uri.toString()), [manifest().toString()]);
    assert.equal(await vscode.workspace.applyEdit(add.edit!), true);
    const declared = await vscode.workspace.openTextDocument(manifest());
    const dependencies = JSON.parse(declared.getText()).dependencies;
    assert.deepEqual(Object.keys(dependencies), ['@azure/identity', '@azure/storage-blob']);
    assert.match(dependencies['@azure/identity'], /^\^\d+\.\d+\.\d+$/);
    await vscode.window.showTextDocument(declared);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(declared.getText(), MANIFEST);
  });

  it('puts the user-assigned fix first when keyless.passwordless.identity is userAssigned', async () => {
    await vscode.workspace.getConfiguration('keyless').update('passwordless.identity', 'userAssigned', vscode.ConfigurationTarget.Global);
    const { editor, client } = await openCopy();
    const [preferred] = await keylessActions(client.range);
    assert.equal(preferred.isPreferred, true);
    assert.match(preferred.title, /user-assigned/);
    assert.equal(await vscode.workspace.applyEdit(preferred.edit!), true);
    assert.match(editor.document.getText(), /new DefaultAzureCredential\(\{ managedIdentityClientId: process\.env\.AZURE_CLIENT_ID \}\)/);
    await undo(editor.document);
    assert.equal(editor.document.getText(), original);
  });

  it('fixes the whole file as source.fixAll.keyless in one undoable edit', async () => {
    const { editor } = await openCopy();
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await keylessActions(whole, 'source.fixAll.keyless');
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [[FIX_ALL, 'source.fixAll.keyless']]);
    assert.equal(await vscode.workspace.applyEdit(actions[0].edit!), true);
    assert.equal(editor.document.getText(), fixedAll(original));
    await undo(editor.document);
    assert.equal(editor.document.getText(), original);
  });

  it('fixes the file on save with editor.codeActionsOnSave source.fixAll.keyless', async () => {
    const editorSettings = vscode.workspace.getConfiguration('editor', { languageId: 'typescript' });
    await editorSettings.update('codeActionsOnSave', { 'source.fixAll.keyless': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    const { editor } = await openCopy();
    try {
      // Saving right after typing: the scan of the new text is still pending when the save asks for fix-all.
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// saved\n'));
      assert.equal(await editor.document.save(), true);
      assert.equal(editor.document.getText(), `// saved\n${fixedAll(original)}`);
    } finally {
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
      // Restored through the editor, so the next test never races a change on disk.
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
      await editor.document.save();
    }
  });

  it('applies the preferred fix from the "Use managed identity" lens', async () => {
    const { editor, client } = await openCopy();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', copy(), 10);
    const use = lenses.find((l) => l.command?.title === 'Use managed identity' && l.range.isEqual(client.range))!;
    assert.equal(use.command!.command, 'keyless.passwordless.useManagedIdentity');
    await vscode.commands.executeCommand(use.command!.command, ...use.command!.arguments!);
    assert.equal(editor.document.getText(), fixed(original));
    await undo(editor.document);
    assert.equal(editor.document.getText(), original);
  });
});
