/**
 * The C# rewriter beyond its golden files (test/fixtures/rewrites/csharp, run by rewrites.golden.test.ts): where
 * `using` directives go, when `using System;` is needed, which credential in scope is reused, what each fix says and
 * requires, and the shapes that get no fix.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scanDocument } from '../../src/passwordless/engine';
import { applyEdits, fixesFor, fixFile } from '../../src/passwordless/rewrites';
import type { IdentityChoice } from '../../src/passwordless/rewrites';

const fileName = 'Sample.cs';

async function fixed(text: string, identity: IdentityChoice = 'default'): Promise<string> {
  return (await fixFile({ text, fileName }, identity)).text;
}

async function onlyFix(text: string, preferred: IdentityChoice = 'default') {
  const [finding, ...others] = (await scanDocument({ text, fileName })).filter((f) => !f.ruleId.startsWith('secret-'));
  assert.ok(finding, 'the sample has a code finding');
  assert.deepEqual(others, [], 'the sample has one code finding');
  return fixesFor({ text, fileName, finding }, preferred);
}

const storageKey = 'DefaultEndpointsProtocol=https;AccountName=contosodocs;AccountKey=8+MQKZWmc5Y10LB+Qc/JvL5o/CZ5NrTLg7uFEtWXDlrqrVxERWyv7a3O59wv3wD9RRRmKteO/zvz26XLNIiWgQ==;EndpointSuffix=core.windows.net';

describe('C# rewrites: using directives', () => {
  it('adds using Azure.Identity in sorted position when the usings put System first', async () => {
    const text = `using System;\nusing Azure.Storage.Blobs;\nusing Microsoft.Extensions.Logging;\n\nclass A { BlobServiceClient B(Uri u, string key) => new BlobServiceClient(u, new StorageSharedKeyCredential("a", key)); }\n`;
    assert.match(await fixed(text), /^using System;\nusing Azure\.Identity;\nusing Azure\.Storage\.Blobs;\nusing Microsoft/);
  });

  it('adds it in alphabetical position when System is sorted among the others', async () => {
    const text = `using Azure.Storage.Blobs;\nusing Microsoft.Extensions.Logging;\nusing System;\n\nclass A { BlobServiceClient B(Uri u, string key) => new BlobServiceClient(u, new StorageSharedKeyCredential("a", key)); }\n`;
    assert.match(await fixed(text), /^using Azure\.Identity;\nusing Azure\.Storage\.Blobs;\nusing Microsoft\.Extensions\.Logging;\nusing System;\n/);
  });

  it('appends after the last using when the usings are not sorted', async () => {
    const text = `using Microsoft.Extensions.Logging;\nusing Azure.Storage.Blobs;\nusing System;\n\nclass A { BlobServiceClient B(Uri u, string key) => new BlobServiceClient(u, new StorageSharedKeyCredential("a", key)); }\n`;
    assert.match(await fixed(text), /^using Microsoft\.Extensions\.Logging;\nusing Azure\.Storage\.Blobs;\nusing System;\nusing Azure\.Identity;\n\nclass/);
  });

  it('adds it inside a namespace block with the block usings indentation', async () => {
    const text = `namespace N\n{\n    using System;\n    using Azure.Storage.Blobs;\n\n    class A { BlobServiceClient B(Uri u, string key) => new BlobServiceClient(u, new StorageSharedKeyCredential("a", key)); }\n}\n`;
    assert.match(await fixed(text), /\{\n {4}using System;\n {4}using Azure\.Identity;\n {4}using Azure\.Storage\.Blobs;\n/);
  });

  it('adds a first using before the first declaration, after a header comment', async () => {
    const text = `// Copyright Contoso.\nnamespace N;\n\nclass A { object B(System.Uri u, string key) => new Azure.Storage.Blobs.BlobServiceClient(u, new Azure.Storage.StorageSharedKeyCredential("a", key)); }\n`;
    assert.match(await fixed(text), /^\/\/ Copyright Contoso\.\nusing Azure\.Identity;\n\nnamespace N;\n/);
  });

  it('keeps CRLF line endings in the lines it adds', async () => {
    const text = `using System;\r\nusing Azure.Storage.Blobs;\r\n\r\nclass A { BlobServiceClient B(Uri u, string key) => new BlobServiceClient(u, new StorageSharedKeyCredential("a", key)); }\r\n`;
    const result = await fixed(text);
    assert.match(result, /^using System;\r\nusing Azure\.Identity;\r\nusing Azure\.Storage\.Blobs;\r\n/);
    assert.doesNotMatch(result.replace(/\r\n/g, ''), /\n/);
  });

  it('adds using System for Uri and Environment only when the file does not rely on implicit usings', async () => {
    const explicit = `using Azure.Storage.Queues;\n\nclass A { QueueClient Q(string cs) => new QueueClient(cs, "jobs"); }\n`;
    assert.match(await fixed(explicit), /^using System;\nusing Azure\.Identity;\nusing Azure\.Storage\.Queues;\n/);
    const implicit = `using Azure.Storage.Queues;\n\nclass A { Task<QueueClient> Q(string cs) => Task.FromResult(new QueueClient(cs, "jobs")); }\n`;
    assert.match(await fixed(implicit), /^using Azure\.Identity;\nusing Azure\.Storage\.Queues;\n\n/);
  });

  it('never adds a using the file already has, global ones included', async () => {
    const text = `global using System;\nusing Azure.Identity;\nusing Azure.Storage.Queues;\n\nclass A { QueueClient Q(string cs) => new QueueClient(cs, "jobs"); }\n`;
    const result = await fixed(text, 'userAssigned');
    assert.equal(result.match(/using System;/g)?.length, 1);
    assert.equal(result.match(/using Azure\.Identity;/g)?.length, 1);
  });
});

describe('C# rewrites: what a fix says and needs', () => {
  it('offers the preferred identity first and names the settings each variant reads', async () => {
    const text = `using Azure.Messaging.ServiceBus;\n\nclass A { ServiceBusClient C() => new ServiceBusClient(Environment.GetEnvironmentVariable("SB")); }\n`;
    const [preferred, other] = await onlyFix(text, 'userAssigned');
    assert.equal(preferred?.identity, 'userAssigned');
    assert.equal(preferred?.title, 'Use a user-assigned managed identity (AZURE_CLIENT_ID; reads AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE)');
    assert.deepEqual(preferred?.settings.map((s) => s.name), ['AZURE_CLIENT_ID', 'AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE']);
    assert.equal(other?.title, 'Use DefaultAzureCredential (reads AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE)');
    assert.deepEqual(other?.requires, [{ ecosystem: 'nuget', name: 'Azure.Identity', version: other?.requires[0]?.version }]);
    assert.match(other?.requires[0]?.version ?? '', /^\d+\.\d+\.\d+$/);
  });

  it('reads no setting when the endpoint comes from a literal connection string', async () => {
    const text = `using Azure.Storage.Blobs;\n\nclass A { BlobServiceClient C() => new BlobServiceClient("${storageKey}"); }\n`;
    const [fix] = await onlyFix(text);
    assert.equal(fix?.title, 'Use DefaultAzureCredential');
    assert.deepEqual(fix?.settings, []);
  });

  it('edits only the construction and the using lines', async () => {
    const text = `using Azure.Storage.Blobs;\n\n// keep me\nclass A\n{\n    BlobServiceClient C() => new BlobServiceClient("${storageKey}");\n}\n`;
    const [fix] = await onlyFix(text);
    const construction = text.indexOf('new BlobServiceClient');
    for (const edit of fix!.edits) assert.ok(edit.start === 0 || edit.start >= construction, `edit at ${edit.start} is outside the call and the usings`);
    assert.equal(applyEdits(text, fix!.edits).replace(/^using (System|Azure\.Identity);\n/gm, '').replace(/new BlobServiceClient\(.*\);/, ''), text.replace(/new BlobServiceClient\(.*\);/, ''));
  });
});

describe('C# rewrites: credentials in scope', () => {
  it('reuses a static credential field from static code, and gives no separate user-assigned fix for it', async () => {
    const text = `using Azure.Identity;\nusing Azure.Storage.Queues;\n\nstatic class A\n{\n    static readonly DefaultAzureCredential Shared = new DefaultAzureCredential();\n    static QueueClient Q(string cs) => new QueueClient(cs, "jobs");\n}\n`;
    const fixes = await onlyFix(text);
    assert.deepEqual(fixes.map((f) => f.title), ['Use the credential in Shared (reads AZURE_STORAGEQUEUE_RESOURCEENDPOINT)']);
    assert.deepEqual(fixes[0]?.requires, []);
  });

  it('does not reach an instance field from a static method or a later static field from an initializer', async () => {
    const instance = `using Azure.Identity;\nusing Azure.Storage.Queues;\n\nclass A\n{\n    readonly DefaultAzureCredential _credential = new();\n    static QueueClient Q(string cs) => new QueueClient(cs, "jobs");\n}\n`;
    assert.match(await fixed(instance), /new QueueServiceClient\([^;]*, new DefaultAzureCredential\(\)\)\.GetQueueClient\("jobs"\)/);
    const later = `using Azure.Identity;\nusing Azure.Storage.Queues;\n\nclass A\n{\n    static readonly QueueClient Jobs = new QueueClient(Environment.GetEnvironmentVariable("CS"), "jobs");\n    static readonly DefaultAzureCredential Credential = new();\n}\n`;
    assert.match(await fixed(later), /Jobs = new QueueServiceClient\([^;]*, new DefaultAzureCredential\(\)\)/);
  });

  it('reuses a TokenCredential parameter and a credential local declared before the call', async () => {
    const parameter = `using Azure.Core;\nusing Azure.Messaging.ServiceBus;\n\nclass A { ServiceBusClient C(string cs, TokenCredential token) => new ServiceBusClient(cs); }\n`;
    assert.match(await fixed(parameter), /new ServiceBusClient\(Environment\.GetEnvironmentVariable\("AZURE_SERVICEBUS_FULLYQUALIFIEDNAMESPACE"\), token\)/);
    const local = `using Azure.Identity;\nusing Azure.Messaging.ServiceBus;\n\nclass A\n{\n    ServiceBusClient C(string cs)\n    {\n        var mi = new ManagedIdentityCredential();\n        return new ServiceBusClient(cs);\n    }\n}\n`;
    assert.match(await fixed(local), /new ServiceBusClient\([^;]*, mi\)/);
  });
});

describe('C# rewrites: shapes left to a human', () => {
  const unchanged = async (text: string) => assert.equal(await fixed(text), text);

  it('leaves a ClientSecretCredential with options (its authority host would be lost)', () =>
    unchanged(
      `using Azure.Identity;\n\nclass A { object C(string s) => new ClientSecretCredential("t", "c", s, new ClientSecretCredentialOptions { AuthorityHost = AzureAuthorityHosts.AzureGovernment }); }\n`,
    ));

  it('leaves a ClientSecretCredential returned from a method typed ClientSecretCredential', () =>
    unchanged(`using Azure.Identity;\n\nclass A { ClientSecretCredential C(string s) => new ClientSecretCredential("t", "c", s); }\n`));

  it('leaves connection strings passed by name', () =>
    unchanged(`using Azure.Messaging.ServiceBus;\n\nclass A { ServiceBusClient C(string cs) => new ServiceBusClient(connectionString: cs); }\n`));

  it('leaves a local emulator connection string (Azurite takes no Entra token)', () =>
    unchanged(`using Azure.Storage.Blobs;\n\nclass A { BlobServiceClient C() => new BlobServiceClient("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1"); }\n`));

  it("leaves OpenAI's own client, which has no token-credential constructor", () =>
    unchanged(`using OpenAI;\n\nclass A { OpenAIClient C(string key) => new OpenAIClient(new System.ClientModel.ApiKeyCredential(key)); }\n`));
});

describe('C# rewrites: target-typed new', () => {
  // The scanner reports `new(…)` through the declared type; the rewriter reads the class from the same declaration.
  it('rewrites a client built with new(connectionString) using the declared type', async () => {
    const text = `using Microsoft.Azure.Cosmos;\n\nstatic class A\n{\n    static readonly CosmosClient Client = new("AccountEndpoint=https://contoso.documents.azure.com:443/;AccountKey=a2V5;");\n}\n`;
    const [fix] = await onlyFix(text);
    assert.match(applyEdits(text, fix!.edits), /Client = new\("https:\/\/contoso\.documents\.azure\.com:443\/", new DefaultAzureCredential\(\)\);/);
  });

  it('retypes a ClientSecretCredential field built with new(…)', async () => {
    const text = `using Azure.Identity;\n\nstatic class A\n{\n    static readonly ClientSecretCredential Credential = new("t", "c", "s");\n}\n`;
    const [fix] = await onlyFix(text);
    assert.match(applyEdits(text, fix!.edits), /static readonly DefaultAzureCredential Credential = new DefaultAzureCredential\(\);/);
  });

  it('fixes a nullable property and a Key Vault field in one pass, leaving no finding', async () => {
    const text = `using Azure.Identity;\nusing Azure.Security.KeyVault.Secrets;\nusing Azure.Storage.Blobs;\n\nclass Vault\n{\n    private readonly SecretClient _client = new(new Uri("https://kv-a.vault.azure.net"), new ClientSecretCredential(t, c, s));\n    BlobServiceClient? Blobs { get; } = new(Environment.GetEnvironmentVariable("STORAGE"));\n}\n`;
    assert.deepEqual((await scanDocument({ text, fileName })).map((f) => f.ruleId), ['key-vault-client-secret', 'blob-connection-string']);
    const after = await fixed(text);
    assert.match(after, /_client = new\(new Uri\("https:\/\/kv-a\.vault\.azure\.net"\), new DefaultAzureCredential\(\)\);/);
    assert.match(after, /Blobs \{ get; \} = new\(new Uri\(Environment\.GetEnvironmentVariable\("AZURE_STORAGEBLOB_RESOURCEENDPOINT"\)\), new DefaultAzureCredential\(\)\);/);
    assert.deepEqual(await scanDocument({ text: after, fileName }), []);
  });
});
