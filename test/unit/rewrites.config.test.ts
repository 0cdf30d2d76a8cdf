import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { scanDocument } from '../../src/passwordless/engine';
import { applyEdits, fixesFor, fixFile } from '../../src/passwordless/rewrites/index';
import { entraConnectionString } from '../../src/passwordless/rewrites/config/sqlConnection';
import { storageKey } from '../fixtures/passwordless/model';

const root = join(__dirname, '../fixtures/rewrites/config');
const cases = readdirSync(root).sort();

function read(kase: string, dir: string): { name: string; text: string } | undefined {
  if (!existsSync(join(root, kase, dir))) return undefined;
  const [name] = readdirSync(join(root, kase, dir));
  return { name: name!, text: readFileSync(join(root, kase, dir, name!), 'utf8') };
}

async function fixed(text: string, fileName: string, identity: 'default' | 'userAssigned' = 'default'): Promise<string> {
  return (await fixFile({ text, fileName }, identity)).text;
}

describe('config rewrites: golden fixtures', () => {
  for (const kase of cases) {
    const before = read(kase, 'before')!;
    const after = read(kase, 'after') ?? before;
    const afterUser = read(kase, 'after-user') ?? after;
    it(`${kase}: fixing every finding gives the after file exactly, for either identity`, async () => {
      assert.equal(await fixed(before.text, before.name), after.text);
      assert.equal(await fixed(before.text, before.name, 'userAssigned'), afterUser.text);
    });

    it(`${kase}: the after files are fixed points that still parse, and hold no fixable secret`, async () => {
      for (const result of [after, afterUser]) {
        assert.equal(await fixed(result.text, result.name), result.text);
        assert.equal(await fixed(result.text, result.name, 'userAssigned'), result.text);
        if (result.name.endsWith('.json')) {
          const errors: ParseError[] = [];
          parse(result.text, errors, { allowTrailingComma: true, disallowComments: false });
          assert.deepEqual(errors, []);
        }
        for (const finding of await scanDocument({ text: result.text, fileName: result.name })) {
          assert.deepEqual(await fixesFor({ text: result.text, fileName: result.name, finding }), [], `${finding.ruleId} left fixable`);
        }
      }
    });
  }

  it('covers every config format and both identity variants', () => {
    const names = cases.map((kase) => read(kase, 'before')!.name);
    for (const name of ['local.settings.json', 'appsettings.json', '.env', 'application.properties', 'application.yml']) assert.ok(names.includes(name), name);
    assert.ok(cases.some((kase) => read(kase, 'after-user')));
  });
});

async function onlyFix(text: string, fileName: string, identity: 'default' | 'userAssigned' = 'default') {
  const [finding, ...more] = await scanDocument({ text, fileName });
  assert.ok(finding && more.length === 0, 'one finding');
  return fixesFor({ text, fileName, finding }, identity);
}

describe('config rewrites: what each fix does', () => {
  it('writes the replacement in the same edit that removes the secret, and lists the setting for the hosted app', async () => {
    const text = `A=1\nSTORAGE="DefaultEndpointsProtocol=https;AccountName=invoices;AccountKey=${storageKey};EndpointSuffix=core.windows.net"\nB=2\n`;
    const [fix, user] = await onlyFix(text, 'app/.env');
    assert.equal(applyEdits(text, fix!.edits), 'A=1\nAZURE_STORAGEBLOB_RESOURCEENDPOINT="https://invoices.blob.core.windows.net"\nB=2\n');
    assert.deepEqual(fix!.settings.map((s) => [s.name, s.value]), [['AZURE_STORAGEBLOB_RESOURCEENDPOINT', 'https://invoices.blob.core.windows.net']]);
    assert.equal(applyEdits(text, user!.edits), 'A=1\nAZURE_STORAGEBLOB_RESOURCEENDPOINT="https://invoices.blob.core.windows.net"\nAZURE_CLIENT_ID=\nB=2\n');
    assert.match(user!.title, /user-assigned identity \(AZURE_CLIENT_ID\)/);
    assert.ok(!fix!.title.includes(storageKey) && !JSON.stringify(fix!.settings).includes(storageKey));
  });

  it('keeps CRLF line ends and a sovereign cloud endpoint suffix', async () => {
    const text = `X=1\r\nSTORAGE=DefaultEndpointsProtocol=https;AccountName=invoices;AccountKey=${storageKey};EndpointSuffix=core.chinacloudapi.cn\r\n`;
    const [, user] = await onlyFix(text, '.env', 'default');
    assert.equal(applyEdits(text, user!.edits), 'X=1\r\nAZURE_STORAGEBLOB_RESOURCEENDPOINT=https://invoices.blob.core.chinacloudapi.cn\r\nAZURE_CLIENT_ID=\r\n');
  });

  it('takes a bare storage key’s account from a sibling setting, and a service SAS URL’s endpoint without its signature', async () => {
    const bare = `AZURE_STORAGE_ACCOUNT=invoices\nAZURE_STORAGE_KEY=${storageKey}\n`;
    assert.equal(await fixed(bare, '.env'), 'AZURE_STORAGE_ACCOUNT=invoices\nAZURE_STORAGEBLOB_RESOURCEENDPOINT=https://invoices.blob.core.windows.net\n');
    const sas = 'UPLOADS_URL=https://invoices.blob.core.windows.net/?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01&sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2Babcd%3D\n';
    assert.equal(await fixed(sas, '.env'), 'AZURE_STORAGEBLOB_RESOURCEENDPOINT=https://invoices.blob.core.windows.net\n');
    // A container's SAS URL: its endpoint alone would lose the container the app points at.
    const container = sas.replace('.net/?', '.net/uploads?');
    assert.equal(await fixed(container, '.env'), container);
  });

  it('offers no fix where no endpoint can be known or two resources would share one setting', async () => {
    const noEndpoint = [
      `COSMOS_KEY=${storageKey}\n`,
      'AZURE_CLIENT_SECRET=abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2\n',
      'SQL="Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql-orders.database.windows.net,1433;Database=orders;Uid=app;Pwd=Sup3r-S3cret-Pa55;"\n',
      'PG="host=pg-orders.postgres.database.azure.com dbname=orders user=app password=Sup3r-S3cret-Pa55 sslmode=require"\n',
    ];
    for (const text of noEndpoint) assert.deepEqual(await onlyFix(text, '.env'), [], text);
    const two = [1, 2].map((n) => `S${n}=DefaultEndpointsProtocol=https;AccountName=acct${n};AccountKey=${storageKey}\n`).join('');
    const result = await fixFile({ text: two, fileName: '.env' }, 'default');
    assert.equal(result.applied.length, 1);
    assert.equal(result.remaining.length, 1, 'the second account keeps its connection string rather than overwrite the first');
  });

  it('keeps a YAML trailing comment on its line and writes dotted credential keys beside dotted ones', async () => {
    const nested = "spring:\n  cloud:\n    azure:\n      eventhubs:\n        connection-string: 'Endpoint=sb://evh-x.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bbDxjdUYdcURkLB7GqoueHCXCJ5jCwh9BCEl495F6LM=;EntityPath=hub1'  # send only\n";
    assert.equal(
      await fixed(nested, 'application.yml', 'userAssigned'),
      'spring:\n  cloud:\n    azure:\n      eventhubs:\n        namespace: evh-x  # send only\n        event-hub-name: hub1\n        credential:\n          managed-identity-enabled: true\n          client-id: ${AZURE_CLIENT_ID}\n',
    );
    const flat = `spring.cloud.azure.storage.blob.connection-string: DefaultEndpointsProtocol=https;AccountName=acct01;AccountKey=${storageKey}\n`;
    assert.equal(
      await fixed(flat, 'application.yaml', 'userAssigned'),
      'spring.cloud.azure.storage.blob.endpoint: https://acct01.blob.core.windows.net\nspring.cloud.azure.storage.blob.credential.managed-identity-enabled: true\nspring.cloud.azure.storage.blob.credential.client-id: ${AZURE_CLIENT_ID}\n',
    );
  });

  it('leaves application properties outside spring.cloud.azure to the application', async () => {
    const text = `orders.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=invoices;AccountKey=${storageKey}\n`;
    assert.deepEqual(await onlyFix(text, 'application.properties'), []);
  });

  it('names the hosted-only user-assigned settings for Functions instead of writing them locally', async () => {
    const text = `{\n  "Values": {\n    "Bus": "Endpoint=sb://sb-x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=${storageKey.slice(0, 43)}="\n  }\n}\n`;
    const [fix, user] = await onlyFix(text, 'local.settings.json', 'userAssigned');
    assert.equal(fix!.identity, 'userAssigned');
    assert.deepEqual(fix!.edits, user!.edits);
    assert.equal(applyEdits(text, fix!.edits), '{\n  "Values": {\n    "Bus__fullyQualifiedNamespace": "sb-x.servicebus.windows.net"\n  }\n}\n');
    assert.deepEqual(fix!.settings.map((s) => [s.name, s.value]), [
      ['Bus__fullyQualifiedNamespace', 'sb-x.servicebus.windows.net'],
      ['Bus__credential', 'managedidentity'],
      ['Bus__clientId', undefined],
    ]);
  });
});

describe('config rewrites: SQL passwords and client secrets', () => {
  it('turns an Azure SQL string of any cloud to Entra authentication, keeping every other part, and leaves other servers alone', () => {
    const gov = entraConnectionString('Server=tcp:sql-x.database.usgovcloudapi.net,1433;Database=d;User ID=u;Password=p;Encrypt=True;');
    assert.equal(gov?.value, 'Server=tcp:sql-x.database.usgovcloudapi.net,1433;Database=d;Authentication=Active Directory Default;Encrypt=True;');
    const china = entraConnectionString('jdbc:sqlserver://sql-x.database.chinacloudapi.cn:1433;database=d;user=u;password=p', '${AZURE_CLIENT_ID}');
    assert.equal(china?.value, 'jdbc:sqlserver://sql-x.database.chinacloudapi.cn:1433;database=d;authentication=ActiveDirectoryMSI;msiClientId=${AZURE_CLIENT_ID}');
    const escaped = entraConnectionString('jdbc\\:sqlserver\\://sql-x.database.windows.net\\:1433;user=u;password=p;encrypt=true');
    assert.equal(escaped?.value, 'jdbc\\:sqlserver\\://sql-x.database.windows.net\\:1433;authentication=ActiveDirectoryMSI;encrypt=true');
    for (const other of [
      'Server=sqlprod01.corp.contoso.local;Database=d;User ID=u;Password=p;',
      'Server=tcp:sql-x.database.windows.net.evil.example;User ID=u;Password=p;',
      'Server=tcp:sql-x.database.windows.net;Integrated Security=True;User ID=u;Password=p;',
      'Server=tcp:sql-x.database.windows.net;User ID=u;Password="a;b";',
      'jdbc:sqlserver://localhost:1433;user=sa;password=p',
    ]) assert.equal(entraConnectionString(other), undefined, other);
  });

  it('gives JDBC outside Spring no user-assigned variant: nothing there would resolve ${AZURE_CLIENT_ID}', async () => {
    const text = 'DB_URL=jdbc:sqlserver://sql-x.database.windows.net:1433;database=d;user=u;password=Sup3r-S3cret-Pa55;encrypt=true\n';
    const fixes = await onlyFix(text, '.env', 'userAssigned');
    assert.deepEqual(fixes.map((f) => f.identity), ['default']);
    assert.equal(applyEdits(text, fixes[0]!.edits), 'DB_URL=jdbc:sqlserver://sql-x.database.windows.net:1433;database=d;authentication=ActiveDirectoryMSI;encrypt=true\n');
  });

  it('removes a client secret with its app registration’s client ID in one edit, and empties the ID for a user-assigned identity', async () => {
    const text = 'AZURE_CLIENT_ID=5b1a3f7e-2c4d-4e8f-9a0b-6c7d8e9f0a1b\nAZURE_CLIENT_SECRET=abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2';
    const [fix, user] = await onlyFix(text, '.env');
    assert.equal(fix!.edits.length, 1);
    assert.equal(applyEdits(text, fix!.edits), '');
    assert.equal(applyEdits(text, user!.edits), 'AZURE_CLIENT_ID=');
    assert.deepEqual(user!.settings.map((s) => s.name), ['AZURE_CLIENT_ID']);
    assert.ok(!fix!.title.includes('Q~') && !user!.title.includes('Q~'));
  });

  it('leaves client secrets under names only the application reads', async () => {
    const text = 'GRAPH_CLIENT_ID=5b1a3f7e-2c4d-4e8f-9a0b-6c7d8e9f0a1b\nGRAPH_CLIENT_SECRET=abc8Q~A7fpfPIgGjXm91FNcfOEKr.0aiacS8J7K2\n';
    assert.deepEqual(await onlyFix(text, '.env'), []);
  });
});
