import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { endpointFromConnectionString, urlWithoutSas } from '../../src/passwordless/rewrites/connectionStrings';
import { fixFile } from '../../src/passwordless/rewrites/index';
import { storageKey } from '../fixtures/passwordless/model';

describe('the one connection-string reader of code and config rewrites', () => {
  it('reads each service’s endpoint, keeping a sovereign suffix and an explicit endpoint', () => {
    assert.deepEqual(endpointFromConnectionString('queue', `DefaultEndpointsProtocol=https;AccountName=acct01;AccountKey=${storageKey};EndpointSuffix=core.usgovcloudapi.net`), { endpoint: 'https://acct01.queue.core.usgovcloudapi.net' });
    assert.deepEqual(endpointFromConnectionString('blob', `BlobEndpoint=https://files.contoso.com/;SharedAccessSignature=sv=2022-11-02&sig=abc`), { endpoint: 'https://files.contoso.com' });
    assert.deepEqual(endpointFromConnectionString('eventHubs', 'Endpoint=sb://evh-x.servicebus.chinacloudapi.cn/;SharedAccessKeyName=k;SharedAccessKey=x;EntityPath=hub1'), { endpoint: 'evh-x.servicebus.chinacloudapi.cn', entityPath: 'hub1' });
    assert.deepEqual(endpointFromConnectionString('appConfiguration', 'Endpoint=https://appcs-x.azconfig.io/;Id=i;Secret=s'), { endpoint: 'https://appcs-x.azconfig.io' });
  });

  it('refuses emulators and plain http, where no bearer token goes', () => {
    for (const [service, value] of [
      ['blob', 'UseDevelopmentStorage=true'],
      ['blob', `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${storageKey};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`],
      ['blob', `DefaultEndpointsProtocol=http;AccountName=acct01;AccountKey=${storageKey}`],
      ['blob', `AccountName=acct01;AccountKey=${storageKey};BlobEndpoint=http://acct01.blob.core.windows.net/`],
      ['cosmosDb', `AccountEndpoint=https://localhost:8081/;AccountKey=${storageKey};`],
      ['serviceBus', 'Endpoint=sb://localhost/;SharedAccessKeyName=k;SharedAccessKey=x'],
    ] as const) assert.equal(endpointFromConnectionString(service, value), undefined, value);
    assert.equal(urlWithoutSas('blob', 'https://127.0.0.1:10000/devstoreaccount1/c?sv=2022-11-02&sig=abc'), undefined);
  });

  it('leaves a config setting pointing at a local endpoint with a real-looking key alone', async () => {
    const text = `FILES=AccountName=acct01;AccountKey=${storageKey};BlobEndpoint=https://localhost:10000/acct01\n`;
    const result = await fixFile({ text, fileName: '.env' }, 'default');
    assert.equal(result.text, text);
    assert.deepEqual(result.remaining.map((f) => f.ruleId), ['secret-storage-account-key']);
  });
});
