import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { expandSubscription, outline, treeFor, type TreeHarness } from './tree.harness';

const PRODUCTION = `
id-github-deploy — rg-identities · eastus  [account identity]
  Assigned to (0)  [plug assignedToGroup]
    Not assigned to any resource in the loaded subscriptions  [circle-slash message]
  Role assignments (1)  [shield roleAssignmentsGroup]
    Contributor — resource group rg-orders-prod  [key roleAssignment]
  Federated credentials (2)  [link federatedCredentialsGroup]
    github-main — GitHub Actions: repo:contoso/orders:ref:refs/heads/main  [github federatedCredential]
    github-production — GitHub Actions: repo:contoso/orders:environment:production  [github federatedCredential]
id-orders-api — rg-identities · eastus  [account identity]
  Assigned to (1)  [plug assignedToGroup]
    ca-orders-api — container app · rg-orders-prod  [package assignedResource]
  Role assignments (5)  [shield roleAssignmentsGroup]
    AcrPull — container registry crordersprod  [key roleAssignment]
    Azure Service Bus Data Sender — Service Bus namespace sb-orders-prod  [key roleAssignment]
    Cosmos DB Built-in Data Contributor — Cosmos DB account cosmos-orders-prod  [key roleAssignment]
    Key Vault Secrets User — key vault kv-orders-prod  [key roleAssignment]
    Storage Blob Data Contributor — storage account stordersprod01  [key roleAssignment]
  Federated credentials (0)  [link federatedCredentialsGroup]
    No federated credentials  [circle-slash message]
id-orders-web — rg-identities · eastus  [account identity]
  Assigned to (0)  [plug assignedToGroup]
    Not assigned to any resource in the loaded subscriptions  [circle-slash message]
  Role assignments (0)  [shield roleAssignmentsGroup]
    No role assignments  [circle-slash message]
  Federated credentials (0)  [link federatedCredentialsGroup]
    No federated credentials  [circle-slash message]
id-orders-worker — rg-identities · eastus  [account identity]
  Assigned to (3)  [plug assignedToGroup]
    func-orders-processor — app service · rg-orders-prod  [globe assignedResource]
    vm-orders-01 — virtual machine · rg-orders-prod  [vm assignedResource]
    vmss-orders — virtual machine scale set · rg-orders-prod  [server-environment assignedResource]
  Role assignments (3)  [shield roleAssignmentsGroup]
    Azure Event Hubs Data Receiver — Event Hubs namespace evh-orders-prod  [key roleAssignment]
    Azure Service Bus Data Receiver — Service Bus namespace sb-orders-prod  [key roleAssignment]
    Storage Queue Data Message Processor — storage account stordersprod01  [key roleAssignment]
  Federated credentials (1)  [link federatedCredentialsGroup]
    aks-orders-worker — AKS: system:serviceaccount:orders:orders-worker  [server-process federatedCredential]
id-unused — rg-identities · westeurope  [account identity]
  Assigned to (0)  [plug assignedToGroup]
    Not assigned to any resource in the loaded subscriptions  [circle-slash message]
  Role assignments (0)  [shield roleAssignmentsGroup]
    No role assignments  [circle-slash message]
  Federated credentials (0)  [link federatedCredentialsGroup]
    No federated credentials  [circle-slash message]
System-assigned (3)  [server-environment systemAssignedGroup]
  app-orders-web — app service · rg-orders-prod  [globe systemAssignedResource]
    App Configuration Data Reader — App Configuration store appcs-orders-prod  [key roleAssignment]
  ca-orders-api — container app · rg-orders-prod  [package systemAssignedResource]
    Cognitive Services OpenAI User — Azure AI services account oai-orders-prod  [key roleAssignment]
  vm-orders-01 — virtual machine · rg-orders-prod  [vm systemAssignedResource]
    Key Vault Secrets User — key vault kv-orders-prod  [key roleAssignment]`.trim();

const DEVELOPMENT = `
id-dev-sandbox — rg-dev-sandbox · westus2  [account identity]
  Assigned to (1)  [plug assignedToGroup]
    app-dev-sandbox — app service · rg-dev-sandbox  [globe assignedResource]
  Role assignments (1)  [shield roleAssignmentsGroup]
    Storage Blob Data Contributor — storage account stdevsandbox01  [key roleAssignment]
  Federated credentials (0)  [link federatedCredentialsGroup]
    No federated credentials  [circle-slash message]`.trim();

const FABRIKAM = `
id-fabrikam-batch — rg-fabrikam-sandbox · northeurope  [account identity]
  Assigned to (0)  [plug assignedToGroup]
    Not assigned to any resource in the loaded subscriptions  [circle-slash message]
  Role assignments (1)  [shield roleAssignmentsGroup]
    Storage Blob Data Reader — storage account stfabrikamsbx01  [key roleAssignment]
  Federated credentials (0)  [link federatedCredentialsGroup]
    No federated credentials  [circle-slash message]`.trim();

describe('the identities tree over the demo scenario (real SDK clients, small pages)', () => {
  let emulator: RunningEmulator;
  let tree: TreeHarness;

  before(async () => {
    emulator = await startEmulator({ scenario: 'demo', pageSize: 3 });
    tree = await treeFor(emulator);
  });
  after(async () => {
    tree?.dispose();
    await emulator?.stop();
  });

  it('shows Contoso Production’s identities with what uses them, their roles in words and their federated credentials', async () => {
    assert.equal(outline(await expandSubscription(tree, 'Contoso Production')), PRODUCTION);
  });

  it('shows Contoso Development and the read-only Fabrikam Sandbox exactly', async () => {
    assert.equal(outline(await expandSubscription(tree, 'Contoso Development')), DEVELOPMENT);
    assert.equal(outline(await expandSubscription(tree, 'Fabrikam Sandbox')), FABRIKAM);
  });

  it('carries the data commands read: identity ids, client id, principal id and the subscription', async () => {
    const production = tree.subscriptions.find((s) => s.displayName === 'Contoso Production')!;
    const [first] = await tree.model.subscriptionChildren(production);
    assert.equal(first.kind, 'identity');
    if (first.kind !== 'identity') return;
    assert.equal(first.identity.name, 'id-github-deploy');
    assert.match(first.identity.clientId, /^[0-9a-f-]{36}$/);
    assert.match(first.identity.principalId, /^[0-9a-f-]{36}$/);
    assert.equal(first.subscription.subscriptionId, production.subscriptionId);
    assert.match(first.tooltip ?? '', new RegExp(`Client ID: \`${first.identity.clientId}\``));
    assert.match(first.tooltip ?? '', /Principal \(object\) ID: .*Tenant ID: /s);
  });

  it('expands an identity of a loaded subscription with at most 2 requests, and names built-in roles once', async () => {
    const development = tree.subscriptions.find((s) => s.displayName === 'Contoso Development')!;
    await tree.inventory.tenantSettled(development.tenantId);
    const [identity] = await tree.model.subscriptionChildren(development);
    tree.inventory.refresh(); // forget credential lists, keep role names
    await tree.inventory.tenantSettled(development.tenantId);
    emulator.resetStats();
    const groups = await tree.model.children(identity);
    for (const group of groups) await tree.model.children(group);
    assert.ok(emulator.stats().total <= 2, JSON.stringify(emulator.stats().byOperation));
    assert.equal(emulator.stats().byOperation['GET roleDefinitions.get'] ?? 0, 0, 'Storage Blob Data Contributor was named before');
  });
});
