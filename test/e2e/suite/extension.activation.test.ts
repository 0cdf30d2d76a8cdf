import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { emulatorStats, waitUntilServed } from '../support/emulator';
import { activateKeyless } from '../support/keyless';

describe('Keyless activation in a real VS Code', () => {
  it('activates without error', async () => {
    const extension = await activateKeyless();
    assert.equal(extension.isActive, true);
  });

  it('registers every command its manifest contributes', async () => {
    const extension = await activateKeyless();
    const contributed: string[] = extension.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('contributes the Keyless view container with the keyless.identities view', async () => {
    const extension = await activateKeyless();
    const { viewsContainers, views } = extension.packageJSON.contributes;
    assert.ok(viewsContainers.activitybar.some((c: { id: string; title: string }) => c.id === 'keyless' && c.title === 'Keyless'));
    assert.ok(views.keyless.some((v: { id: string }) => v.id === 'keyless.identities'));
  });

  it('loads its own view from the emulator when the view is shown', async () => {
    await activateKeyless();
    const before = await emulatorStats();
    // A real workbench command: it fails if VS Code does not know the view; showing it makes the tree load.
    await vscode.commands.executeCommand('keyless.identities.focus');
    await waitUntilServed(before, 'GET subscriptions.list');
  });
});
