import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { rolesForService } from '../../src/core/roles';
import { applyEdits } from '../../src/passwordless/rewrites/edits';
import type { Finding } from '../../src/passwordless/types';
import { followUpOf, settingsLines } from '../../src/passwordless/vscode/followUp';
import { grantRequestOf } from '../../src/passwordless/vscode/grantableRole';
import { ancestorFolders, manifestGlob } from '../../src/passwordless/vscode/manifests';
import { minimalEdit } from '../../src/passwordless/vscode/minimalEdit';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'blob-connection-string',
    service: 'blob',
    language: 'typescript',
    severity: 'information',
    message: 'BlobServiceClient built from a connection string',
    range: { start: { line: 7, column: 18 }, end: { line: 7, column: 74 } },
    startOffset: 300,
    endOffset: 356,
    target: { kind: 'account', name: 'stordersprod01' },
    roles: rolesForService('blob'),
    ...overrides,
  };
}

describe('the smallest edit between two texts', () => {
  it('replaces only the changed middle of a file', () => {
    assert.deepEqual(minimalEdit('const a = fromConnectionString(x);\n', 'const a = new Client(url, cred);\n'), { start: 10, end: 32, newText: 'new Client(url, cred' });
  });

  it('is nothing when the texts are equal, and an insertion or deletion when one contains the other', () => {
    assert.equal(minimalEdit('same', 'same'), undefined);
    assert.deepEqual(minimalEdit('ab', 'aXb'), { start: 1, end: 1, newText: 'X' });
    assert.deepEqual(minimalEdit('aXXb', 'ab'), { start: 1, end: 3, newText: '' });
    assert.deepEqual(minimalEdit('aaa', 'aaaa'), { start: 3, end: 3, newText: 'a' });
  });

  it('never splits a surrogate pair', () => {
    const edit = minimalEdit('x\u{1F600}y', 'x\u{1F601}y')!;
    assert.deepEqual(edit, { start: 1, end: 3, newText: '\u{1F601}' });
  });

  it('turns any text into any other when applied (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, after) => {
        const edit = minimalEdit(before, after);
        assert.equal(edit ? applyEdits(before, [edit]) : before, after);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the follow-up after a fix', () => {
  it('names the service, the role and the target, with the grant request the Grant lens sends', () => {
    const next = followUpOf(finding(), { settings: [] });
    assert.equal(next.message, 'Blob Storage client now uses DefaultAzureCredential. It needs Storage Blob Data Reader on stordersprod01.');
    assert.deepEqual(next.grant, {
      label: 'Grant Storage Blob Data Reader…',
      request: { service: 'blob', target: 'stordersprod01', roleId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' },
    });
    assert.equal(next.settingsText, undefined);
    assert.deepEqual(next.grant!.request, grantRequestOf(finding())!.request);
  });

  it('says the scope in words when the code names no target, and leaves target out of the request', () => {
    const next = followUpOf(finding({ target: undefined }), { settings: [] });
    assert.match(next.message, /It needs Storage Blob Data Reader on the storage account or container\.$/);
    assert.deepEqual(next.grant!.request, { service: 'blob', roleId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' });
  });

  it('offers the settings to copy as NAME=value lines, with a placeholder where the value is not known', () => {
    const settings = [
      { name: 'AZURE_STORAGEBLOB_RESOURCEENDPOINT', value: 'https://stordersprod01.blob.core.windows.net', description: 'the Blob Storage account URL' },
      { name: 'AZURE_CLIENT_ID', description: 'the client ID of the user-assigned identity' },
    ];
    assert.equal(
      followUpOf(finding(), { settings }).settingsText,
      'AZURE_STORAGEBLOB_RESOURCEENDPOINT=https://stordersprod01.blob.core.windows.net\nAZURE_CLIENT_ID=<the client ID of the user-assigned identity>',
    );
    assert.equal(settingsLines([]), '');
  });

  it('offers no Grant button for roles granted inside the database, and speaks of settings for configuration files', () => {
    const sql = followUpOf(finding({ ruleId: 'sql-password', service: 'sql', target: undefined, roles: rolesForService('sql') }), { settings: [] });
    assert.equal(sql.grant, undefined);
    assert.match(sql.message, /^Azure SQL client now uses DefaultAzureCredential\. It needs db_datareader/);
    const config = followUpOf(finding({ language: 'localsettings', ruleId: 'config-storage-account-key' }), { settings: [] });
    assert.match(config.message, /^Blob Storage settings now use a managed identity\./);
  });
});

describe('the manifests to look for near a document', () => {
  it('lists the document folder and every folder above it, nearest first', () => {
    assert.deepEqual(ancestorFolders('typescript/src/app.ts'), ['typescript/src', 'typescript', '']);
    assert.deepEqual(ancestorFolders('app.py'), ['']);
  });

  it('globs the ecosystem manifests in those folders only', () => {
    assert.equal(manifestGlob('python/app.py', 'pypi'), '{python/requirements.txt,python/pyproject.toml,requirements.txt,pyproject.toml}');
    assert.equal(manifestGlob('src/Api/Program.cs', 'nuget'), '{src/Api/*.csproj,src/*.csproj,*.csproj}');
  });

});
