import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectCloud } from '../../src/azure/cloudSelection';

const env = { KEYLESS_ARM_ENDPOINT: 'https://127.0.0.1:4443', KEYLESS_ARM_CA: '/tmp/ca.pem' };

describe('cloud selection from settings and environment', () => {
  it('defaults to Azure (global) when nothing is set', () => {
    assert.deepEqual(selectCloud({}, {}), { name: 'AzureCloud' });
  });

  it('selects the Emulator from KEYLESS_ARM_ENDPOINT and KEYLESS_ARM_CA when no setting says otherwise', () => {
    assert.deepEqual(selectCloud({}, env), { name: 'Emulator', emulator: { endpoint: 'https://127.0.0.1:4443', caPath: '/tmp/ca.pem' } });
  });

  it('lets an explicit keyless.cloud setting win over the environment', () => {
    assert.deepEqual(selectCloud({ cloud: 'AzureChinaCloud' }, env), { name: 'AzureChinaCloud' });
  });

  it('lets emulator settings override the environment field by field', () => {
    assert.deepEqual(selectCloud({ cloud: 'Emulator', emulatorCaPath: '/etc/ca.pem' }, env), {
      name: 'Emulator',
      emulator: { endpoint: 'https://127.0.0.1:4443', caPath: '/etc/ca.pem' },
    });
  });

  it('explains what is missing when the Emulator is chosen without an endpoint', () => {
    assert.throws(() => selectCloud({ cloud: 'Emulator' }, {}), /keyless\.emulator\.endpoint or KEYLESS_ARM_ENDPOINT/);
  });

  it('rejects an unknown cloud name with the accepted ones', () => {
    assert.throws(() => selectCloud({ cloud: 'Mars' }, {}), /Unknown cloud "Mars".*AzureCloud/);
  });
});
