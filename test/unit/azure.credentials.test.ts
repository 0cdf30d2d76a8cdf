import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCliCredentialFactory, createEmulatorCredentialFactory, SignInRequiredError } from '../../src/azure/index';

function claims(token: string) {
  const [header, payload, signature] = token.split('.');
  return { header: JSON.parse(Buffer.from(header, 'base64url').toString()), payload: JSON.parse(Buffer.from(payload, 'base64url').toString()), signature };
}

async function mint(tenantId: string | undefined, scope: string, oid?: string) {
  const token = await createEmulatorCredentialFactory(oid ? { oid } : {})(tenantId).getToken(scope);
  assert.ok(token, 'the emulator credential always gives a token');
  return token;
}

describe('sign-in credentials without VS Code', () => {
  it('mints the unsigned emulator token for the tenant asked for, with the audience of the scope', async () => {
    const token = await mint('tenant-1', 'https://127.0.0.1:4443/.default', 'user-1');
    const { header, payload, signature } = claims(token.token);
    assert.deepEqual(header, { alg: 'none', typ: 'JWT' });
    assert.equal(signature, '');
    assert.equal(payload.oid, 'user-1');
    assert.equal(payload.tid, 'tenant-1');
    assert.equal(payload.aud, 'https://127.0.0.1:4443');
    assert.equal(token.expiresOnTimestamp, payload.exp * 1000);
    assert.ok(payload.exp > payload.iat);
  });

  it('asks for the home tenant ("organizations") when no tenant is given', async () => {
    const token = await mint(undefined, 'https://x/.default');
    assert.equal(claims(token.token).payload.tid, 'organizations');
  });

  it('tells the user which CLI command signs in when the Azure CLI cannot give a token', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent'; // no `az` on the path: the real AzureCliCredential fails as on a fresh machine
    try {
      const credential = createCliCredentialFactory('azureCli')('tenant-7');
      await assert.rejects(credential.getToken('https://management.azure.com/.default'), (error: unknown) => {
        assert.ok(error instanceof SignInRequiredError);
        assert.equal(error.tenantId, 'tenant-7');
        assert.match(error.message, /Run `az login --tenant tenant-7` in a terminal/);
        return true;
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});
