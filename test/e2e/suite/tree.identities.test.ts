import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { AzureSession } from '../../../src/azure-vscode/session';
import { Config } from '../../../src/config';
import { createLog } from '../../../src/log';
import { IdentitiesTreeProvider } from '../../../src/tree/identitiesTreeProvider';
import { IdentityNode } from '../../../src/tree/nodes/identityNode';
import type { TreeNode } from '../../../src/tree/nodes/treeNode';
import { emulatorStats, served } from '../support/emulator';
import { activateKeyless, labelOf, MemoryMemento } from '../support/keyless';

describe('The Managed Identities tree in VS Code against the demo scenario', () => {
  const log = createLog('Keyless e2e identities');
  const config = new Config();
  let tree: IdentitiesTreeProvider;
  let production: TreeNode;

  const labels = async (node: TreeNode) => (await tree.getChildren(node)).map((n) => labelOf(tree.getTreeItem(n)));
  const child = async (node: TreeNode, label: string) => {
    const found = (await tree.getChildren(node)).find((n) => labelOf(tree.getTreeItem(n)) === label);
    assert.ok(found, `no "${label}" under ${labelOf(node.getTreeItem())}: ${JSON.stringify(await labels(node))}`);
    return found;
  };

  let graphQueries = 0;
  const tooltipOf = (node: TreeNode) => (tree.resolveTreeItem(tree.getTreeItem(node), node).tooltip as vscode.MarkdownString).value;

  before(async () => {
    await activateKeyless();
    const session = new AzureSession(config, log, new MemoryMemento());
    await session.restore();
    const before = await emulatorStats();
    tree = new IdentitiesTreeProvider(session, config, log);
    const roots = await tree.getChildren();
    production = roots.find((n) => labelOf(tree.getTreeItem(n)) === 'Contoso Production')!;
    assert.ok(production, 'Contoso Production is listed');
    await tree.getChildren(production);
    // A subscription is listed before its role assignments arrive; expanding an identity waits for them, and so for
    // the whole load the subscription's tooltip describes.
    await tree.getChildren((await tree.getChildren(production))[0]);
    graphQueries = served(before, await emulatorStats(), 'POST resourceGraph.resources');
  });

  it('loads the subscriptions through Azure Resource Graph and says so on a subscription’s tooltip', () => {
    assert.ok(graphQueries >= 3, `${graphQueries} graph queries`);
    assert.match(tooltipOf(production), /Read through Azure Resource Graph at .*Refresh on this subscription reads Azure Resource Manager directly/s);
  });

  it('lists Contoso Production’s identities, then its system-assigned resources', async () => {
    assert.deepEqual(await labels(production), ['id-github-deploy', 'id-orders-api', 'id-orders-web', 'id-orders-worker', 'id-unused', 'System-assigned (3)']);
    const item = tree.getTreeItem(await child(production, 'id-orders-api'));
    assert.equal(item.description, 'rg-identities · eastus');
    assert.equal(item.contextValue, 'keyless.identity');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.match((item.tooltip as vscode.MarkdownString).value, /Client ID: .*Principal \(object\) ID: .*Tenant ID: .*Resource ID: /s);
  });

  it('expands an identity into Assigned to, Role assignments and Federated credentials', async () => {
    const worker = await child(production, 'id-orders-worker');
    assert.ok(worker instanceof IdentityNode);
    assert.deepEqual(await labels(worker), ['Assigned to (3)', 'Role assignments (3)', 'Federated credentials (1)']);
    assert.deepEqual(await labels(await child(worker, 'Assigned to (3)')), ['func-orders-processor', 'vm-orders-01', 'vmss-orders']);
    const roles = (await tree.getChildren(await child(worker, 'Role assignments (3)'))).map((n) => tree.getTreeItem(n));
    assert.deepEqual(roles.map((r) => `${labelOf(r)} — ${r.description}`), [
      'Azure Event Hubs Data Receiver — Event Hubs namespace evh-orders-prod',
      'Azure Service Bus Data Receiver — Service Bus namespace sb-orders-prod',
      'Storage Queue Data Message Processor — storage account stordersprod01',
    ]);
    assert.deepEqual(await labels(await child(worker, 'Federated credentials (1)')), ['aks-orders-worker']);
  });

  it('copies an identity’s client ID through the registered inline command', async () => {
    const api = await child(production, 'id-orders-api');
    assert.ok(api instanceof IdentityNode);
    await vscode.commands.executeCommand('keyless.copyClientId', api);
    assert.equal(await vscode.env.clipboard.readText(), api.identity.clientId);
    await vscode.commands.executeCommand('keyless.copyAsEnvironment', api);
    assert.equal(await vscode.env.clipboard.readText(), `AZURE_CLIENT_ID=${api.identity.clientId}`);
  });

  it('reloads one subscription from the emulator when asked to invalidate it', async () => {
    const before = await emulatorStats();
    tree.invalidateSubscription((production as unknown as { subscription: { subscriptionId: string } }).subscription.subscriptionId);
    assert.ok((await labels(production)).includes('id-orders-api'));
    const after = await emulatorStats();
    assert.equal(served(before, after, 'GET userAssignedIdentities.listBySubscription'), 1);
    assert.match(tooltipOf(production), /Read from Azure Resource Manager at /);
  });
});
