import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { get, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { generate } from 'selfsigned';
import { cloudFor, createAzureAccess, createEmulatorCredentialFactory, type CloudName, type CredentialFactory } from '../../src/azure/index';

/** A credential that remembers which tenant and scopes the real SDK pipeline asked it for. */
function recordingCredentials() {
  const asked: Array<{ tenantId?: string; scopes: string[] }> = [];
  const factory: CredentialFactory = (tenantId) => {
    const credential: TokenCredential = {
      async getToken(scopes): Promise<AccessToken> {
        asked.push({ tenantId, scopes: [scopes].flat() });
        return { token: `token-for-${tenantId ?? 'home'}`, expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    return credential;
  };
  return { asked, factory };
}

/** The network layer under the real pipeline: records what would go on the wire, answers an empty ARM list. */
function recordingTransport() {
  const sent: PipelineRequest[] = [];
  const httpClient: HttpClient = {
    async sendRequest(request) {
      sent.push(request);
      return { request, status: 200, headers: createHttpHeaders({ 'content-type': 'application/json' }), bodyAsText: '{"value":[]}' };
    },
  };
  return { sent, httpClient };
}

const EXPECTED: Record<Exclude<CloudName, 'Emulator'>, string> = {
  AzureCloud: 'https://management.azure.com',
  AzureChinaCloud: 'https://management.chinacloudapi.cn',
  AzureUSGovernment: 'https://management.usgovcloudapi.net',
};

describe('SDK clients built by the Azure access module', () => {
  for (const [name, endpoint] of Object.entries(EXPECTED) as Array<[CloudName, string]>) {
    it(`send ${name} requests to ${endpoint} with the scope ${endpoint}/.default`, async () => {
      const { asked, factory } = recordingCredentials();
      const { sent, httpClient } = recordingTransport();
      const access = createAzureAccess({ cloud: await cloudFor(name), credentialFactory: factory, httpClient });
      const sub = { subscriptionId: '11111111-2222-3333-4444-555555555555', tenantId: 'tenant-a' };

      await access.listTenants();
      for await (const _ of (await access.msiClient(sub)).userAssignedIdentities.listBySubscription()) void _;
      for await (const _ of (await access.authorizationClient(sub)).roleAssignments.listForSubscription()) void _;
      for await (const _ of (await access.resourcesClient(sub)).resourceGroups.list()) void _;

      assert.deepEqual(
        sent.map((r) => new URL(r.url).origin + ' ' + r.headers.get('authorization')),
        [`${endpoint} Bearer token-for-home`, ...Array(3).fill(`${endpoint} Bearer token-for-tenant-a`)],
      );
      assert.match(new URL(sent[1].url).pathname, /^\/subscriptions\/11111111-2222-3333-4444-555555555555\/providers\/Microsoft\.ManagedIdentity/);
      assert.deepEqual(new Set(asked.map((a) => a.scopes.join(' '))), new Set([`${endpoint}/.default`]));
      access.dispose();
    });
  }

  describe('in the Emulator cloud', () => {
    let server: Server;
    let url: string;
    let ca: string;
    const received: Array<{ path?: string; authorization?: string }> = [];

    before(async () => {
      const pems = await generate([{ name: 'commonName', value: 'keyless unit test CA' }], {
        keyType: 'ec',
        curve: 'P-256',
        algorithm: 'sha256',
        extensions: [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
        ],
      });
      ca = pems.cert;
      server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
        received.push({ path: req.url, authorization: req.headers.authorization });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('send requests to the emulator endpoint, trusting its CA for these clients only', async () => {
      const cloud = await cloudFor('Emulator', { endpoint: `${url}/`, ca });
      assert.equal(cloud.credentialScope, `${url}/.default`);
      const access = createAzureAccess({ cloud, credentialFactory: createEmulatorCredentialFactory({ oid: 'oid-1' }) });
      await access.listTenants();
      const subs = (await access.subscriptionClient('tenant-b')).subscriptions.list();
      for await (const _ of subs) void _;
      access.dispose();

      assert.deepEqual(received.map((r) => r.path?.split('?')[0]), ['/tenants', '/subscriptions']);
      const claims = received.map((r) => JSON.parse(Buffer.from(r.authorization!.split(' ')[1].split('.')[1], 'base64url').toString()));
      assert.deepEqual(claims.map((c) => [c.oid, c.tid, c.aud]), [
        ['oid-1', 'organizations', url],
        ['oid-1', 'tenant-b', url],
      ]);

      // The same server is not trusted by the rest of the process: the CA went to these clients only.
      const error = await new Promise<Error>((resolve) => get(`${url}/tenants`, () => resolve(new Error('trusted'))).on('error', resolve));
      assert.match(error.message, /self.signed|unable to verify|certificate/i);
    });

    it('rejects an emulator endpoint that is not https, since the SDK refuses bearer tokens over http', async () => {
      await assert.rejects(cloudFor('Emulator', { endpoint: 'http://127.0.0.1:1', ca }), /must use https/);
      await assert.rejects(cloudFor('Emulator'), /needs an endpoint/);
    });
  });
});
