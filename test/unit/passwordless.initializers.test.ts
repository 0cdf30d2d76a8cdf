import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initializerIn } from '../../src/passwordless/scanner/credentials';
import { scanDocument } from '../../src/passwordless/engine';

describe('initializerIn (what a credential argument was built from)', () => {
  it('reads declarations in each language: keywords, types, annotations and Go short declarations', () => {
    assert.equal(initializerIn('const identity = new DefaultAzureCredential();\n', 'identity'), 'new DefaultAzureCredential()');
    assert.equal(initializerIn('export const mi: TokenCredential = new ManagedIdentityCredential({ clientId });', 'mi'), 'new ManagedIdentityCredential({ clientId })');
    assert.equal(initializerIn('    private static final TokenCredential sp = new DefaultAzureCredentialBuilder().build();', 'sp'), 'new DefaultAzureCredentialBuilder().build()');
    assert.equal(initializerIn('identity = DefaultAzureCredential()\n', 'identity'), 'DefaultAzureCredential()');
    assert.equal(initializerIn('\tidentity, err := azidentity.NewDefaultAzureCredential(nil)\n', 'identity'), 'azidentity.NewDefaultAzureCredential(nil)');
  });

  it('takes the first assignment and ignores comparisons, keyword arguments and longer names', () => {
    assert.equal(initializerIn('if (sp == other) {}\nsp = makeKey();', 'sp'), 'makeKey()');
    assert.equal(initializerIn('client = Client(url=url, credential=identity)', 'url'), undefined);
    assert.equal(initializerIn('const spare = new DefaultAzureCredential();', 'sp'), undefined);
    assert.equal(initializerIn('nothing here', 'sp'), undefined);
  });

  it('counts a variable as a credential only when it was built by a credential (or token provider) call', async () => {
    const flagged = async (declaration: string) =>
      (await scanDocument({ text: `${declaration}\nexport const q = new QueueClient(cs, queueName);\n`, fileName: 'src/queue.ts' })).map((f) => f.ruleId);
    assert.deepEqual(await flagged('const queueName = getBearerTokenProvider(identity, scope);'), []);
    assert.deepEqual(await flagged('const queueName = new DefaultAzureCredentialBuilder().build();'), []);
    assert.deepEqual(await flagged('const queueName = settings.credentialsQueue;'), ['queue-connection-string']);
    // The key credential's construction is a finding of its own; the client given it is one too.
    assert.deepEqual(await flagged('const queueName = new AzureNamedKeyCredential(account, key);'), ['storage-shared-key', 'queue-connection-string']);
    // A client secret credential is flagged where it is built; the client given it uses a token credential.
    assert.deepEqual(await flagged('const queueName = new ClientSecretCredential(tenantId, clientId, secret);'), ['client-secret-credential']);
  });
});
