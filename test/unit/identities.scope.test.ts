import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { normalizeId, parseResourceId } from '../../src/core/identities/resourceId';
import { describeScope } from '../../src/core/identities/scopeDescription';

const sub = '11111111-1111-1111-1111-111111111111';
const names = (id: string) => (id === sub ? 'Contoso Production' : undefined);

describe('describeScope', () => {
  const cases: Array<[string, string]> = [
    [`/subscriptions/${sub}`, 'subscription Contoso Production'],
    [`/subscriptions/99999999-9999-9999-9999-999999999999`, 'subscription 99999999-9999-9999-9999-999999999999'],
    [`/subscriptions/${sub}/resourceGroups/rg-app`, 'resource group rg-app'],
    [`/subscriptions/${sub}/resourcegroups/rg-app/providers/Microsoft.Storage/storageAccounts/contosodata`, 'storage account contosodata'],
    [`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/contosodata/blobServices/default/containers/images`, 'blob container images'],
    [`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/sb-orders/queues/orders`, 'Service Bus queue orders'],
    [`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app`, 'key vault kv-app'],
    ['/providers/Microsoft.Management/managementGroups/platform', 'management group platform'],
    ['/', 'root (all tenants)'],
  ];
  for (const [scope, words] of cases) {
    it(`describes ${scope} as "${words}"`, () => assert.equal(describeScope(scope, names), words));
  }
});

describe('parseResourceId', () => {
  it('reads subscription, group, nested type and name from a child resource id', () => {
    const id = parseResourceId(`//subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/ns/topics/t1`);
    assert.equal(id.subscriptionId, sub);
    assert.equal(id.resourceGroup, 'rg');
    assert.equal(id.resourceType, 'Microsoft.ServiceBus/namespaces/topics');
    assert.deepEqual(id.names, ['ns', 't1']);
    assert.equal(id.name, 't1');
  });

  it('normalizes case, doubled slashes and a trailing slash the same way', () => {
    assert.equal(normalizeId(`/subscriptions/${sub}//resourceGroups/RG/`), `/subscriptions/${sub}/resourcegroups/rg`);
  });
});
