import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { ServiceClient } from '@azure/core-client';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { clientOptionsFor, collect, DEMO, rejection, tokenFor } from '../../emulator/testing.js';

const PROD = DEMO.subscription('Contoso Production');
const CONTOSO = DEMO.tenant('Contoso');
const developer = tokenFor({ oid: DEMO.developer.oid, tid: CONTOSO });

describe('emulator: subscriptions, tenants, resource groups, providers and generic resources', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ pageSize: 2 });
  });
  after(() => emulator.stop());

  it('lists only the token tenant’s subscriptions the user holds a role in, following nextLink', async () => {
    const client = new SubscriptionClient(developer, clientOptionsFor(emulator));
    const subscriptions = await collect(client.subscriptions.list());
    assert.deepEqual(subscriptions.map((s) => s.displayName).sort(), ['Contoso Development', 'Contoso Production']);
    assert.equal(subscriptions[0].tenantId, CONTOSO);
    const fabrikam = new SubscriptionClient(tokenFor({ oid: DEMO.developer.oid, tid: DEMO.tenant('Fabrikam') }), clientOptionsFor(emulator));
    assert.deepEqual((await collect(fabrikam.subscriptions.list())).map((s) => s.displayName), ['Fabrikam Sandbox']);
  });

  it('lists every tenant the user belongs to across pages, and gets one subscription', async () => {
    emulator.resetStats();
    const client = new SubscriptionClient(developer, clientOptionsFor(emulator));
    const tenants = await collect(client.tenants.list());
    assert.deepEqual(tenants.map((t) => t.displayName), ['Contoso', 'Fabrikam', 'Woodgrove']);
    assert.equal(emulator.stats().byOperation['GET tenants.list'], 2, 'three tenants at page size 2 take two requests');
    const subscription = await client.subscriptions.get(PROD);
    assert.equal(subscription.displayName, 'Contoso Production');
    assert.equal(subscription.state, 'Enabled');
  });

  it('answers a tenant that requires MFA with 401 InvalidAuthenticationToken carrying the AADSTS message', async () => {
    const client = new SubscriptionClient(tokenFor({ oid: DEMO.developer.oid, tid: DEMO.tenant('Woodgrove') }), clientOptionsFor(emulator));
    const error = await rejection(collect(client.subscriptions.list()));
    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'InvalidAuthenticationToken');
    assert.match(error.message, /AADSTS50076/);
  });

  it('answers a request without a token with 401 AuthenticationFailed and a request id', async () => {
    const client = new ServiceClient({ endpoint: emulator.url, tlsOptions: { ca: emulator.ca } });
    const response = await client.sendRequest(createPipelineRequest({ url: `${emulator.url}/subscriptions?api-version=2022-12-01`, tlsSettings: { ca: emulator.ca } }));
    assert.equal(response.status, 401);
    assert.equal(JSON.parse(response.bodyAsText ?? '{}').error.code, 'AuthenticationFailed');
    assert.match(response.headers.get('x-ms-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer authorization_uri=/);
  });

  it('answers a token from another tenant with 401 InvalidAuthenticationTokenTenant', async () => {
    const client = new ResourceManagementClient(tokenFor({ oid: DEMO.developer.oid, tid: DEMO.tenant('Fabrikam') }), PROD, clientOptionsFor(emulator));
    const error = await rejection(collect(client.resourceGroups.list()));
    assert.equal(error.statusCode, 401);
    assert.equal(error.code, 'InvalidAuthenticationTokenTenant');
  });

  it('lists, gets and checks resource groups, and answers ResourceGroupNotFound for a missing one', async () => {
    const client = new ResourceManagementClient(developer, PROD, clientOptionsFor(emulator));
    const groups = await collect(client.resourceGroups.list());
    assert.deepEqual(groups.map((g) => g.name), ['rg-identities', 'rg-orders-prod']);
    assert.equal((await client.resourceGroups.get('RG-IDENTITIES')).location, 'eastus');
    assert.equal((await client.resourceGroups.checkExistence('rg-orders-prod')).body, true);
    const error = await rejection(client.resourceGroups.get('rg-missing'));
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'ResourceGroupNotFound');
  });

  it('creates a resource group, then a storage account in it through the generic createOrUpdateById', async () => {
    const client = new ResourceManagementClient(developer, PROD, clientOptionsFor(emulator));
    const group = await client.resourceGroups.createOrUpdate('rg-created-by-test', { location: 'West Europe', tags: { owner: 'test' } });
    assert.equal(group.location, 'westeurope');
    const id = `/subscriptions/${PROD}/resourceGroups/rg-created-by-test/providers/Microsoft.Storage/storageAccounts/sttestcreated01`;
    const account = await client.resources.beginCreateOrUpdateByIdAndWait(id, '2023-05-01', { location: 'westeurope' }, { updateIntervalInMs: 5 });
    assert.equal(account.id, id);
    assert.equal((account.properties as { primaryEndpoints: { blob: string } }).primaryEndpoints.blob, 'https://sttestcreated01.blob.core.windows.net/');
    assert.equal((await client.resources.checkExistenceById(id.toUpperCase(), '2023-05-01')).body, true);
    const noLocation = await rejection(client.resources.beginCreateOrUpdateByIdAndWait(`${id}x`, '2023-05-01', {}, { updateIntervalInMs: 5 }));
    assert.equal(noLocation.statusCode, 400);
    assert.equal(noLocation.code, 'LocationRequired');
  });

  it('filters /resources by resourceType across pages and by substringof on the name', async () => {
    const client = new ResourceManagementClient(developer, PROD, clientOptionsFor(emulator));
    const sites = await collect(client.resources.list({ filter: "resourceType eq 'Microsoft.Web/sites'" }));
    assert.deepEqual(sites.map((s) => s.name).sort(), ['app-orders-web', 'func-orders-processor']);
    const identities = await collect(client.resources.list({ filter: "resourceType eq 'microsoft.managedidentity/userassignedidentities'" }));
    assert.equal(identities.length, 5);
    assert.ok(identities.every((i) => i.type === 'Microsoft.ManagedIdentity/userAssignedIdentities'));
    const byName = await collect(client.resources.list({ filter: "substringof('orders-api', name)" }));
    assert.deepEqual(byName.map((r) => r.name).sort(), ['ca-orders-api', 'id-orders-api']);
    const tagged = await collect(client.resources.listByResourceGroup('rg-identities', { filter: "tagName eq 'purpose' and tagValue eq 'ci'" }));
    assert.deepEqual(tagged.map((r) => r.name), ['id-github-deploy']);
  });

  it('gets a resource by id case-insensitively and answers ResourceNotFound for a missing one', async () => {
    const client = new ResourceManagementClient(developer, PROD, clientOptionsFor(emulator));
    const id = `/subscriptions/${PROD}/resourcegroups/RG-ORDERS-PROD/providers/microsoft.web/sites/APP-ORDERS-WEB`;
    const site = await client.resources.getById(id, '2023-12-01');
    assert.equal(site.name, 'app-orders-web');
    assert.equal(site.identity?.type, 'SystemAssigned');
    const error = await rejection(client.resources.getById(`/subscriptions/${PROD}/resourceGroups/rg-orders-prod/providers/Microsoft.Web/sites/nope`, '2023-12-01'));
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, 'ResourceNotFound');
    assert.match(error.message, /The Resource 'Microsoft.Web\/sites\/nope' under resource group 'rg-orders-prod' was not found/);
  });

  it('serves a provider with its resource types and api-versions, newest first', async () => {
    const client = new ResourceManagementClient(developer, PROD, clientOptionsFor(emulator));
    const provider = await client.providers.get('Microsoft.ManagedIdentity');
    const identities = provider.resourceTypes?.find((t) => t.resourceType === 'userAssignedIdentities');
    assert.equal(identities?.apiVersions?.[0], '2024-11-30');
    const compute = await client.providers.get('microsoft.compute');
    assert.ok(compute.resourceTypes?.some((t) => t.resourceType === 'virtualMachines'));
  });

  it('counts requests by operation on the stats endpoint', async () => {
    emulator.resetStats();
    const client = new ResourceManagementClient(developer, PROD, clientOptionsFor(emulator));
    await client.resourceGroups.get('rg-identities');
    const response = await new ServiceClient({ tlsOptions: { ca: emulator.ca } }).sendRequest(createPipelineRequest({ url: `${emulator.url}/__emulator/stats` }));
    const stats = JSON.parse(response.bodyAsText ?? '{}');
    assert.deepEqual(stats, { total: 1, byOperation: { 'GET resourceGroups.get': 1 } });
  });
});
