import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dependencyEdit, identityPackages, manifestsFor, nearestManifest } from '../../src/passwordless/rewrites/dependencies/index';
import { applyEdits, type PackageRef } from '../../src/passwordless/rewrites/index';

const samples = join(__dirname, '../../samples');

function added(fileName: string, text: string, pkg: PackageRef): string {
  const edit = dependencyEdit(fileName, text, pkg);
  assert.ok(edit, `an edit for ${fileName}`);
  const result = applyEdits(text, edit.edits);
  assert.equal(dependencyEdit(fileName, result, pkg), undefined, 'declared once: a second edit finds it');
  return result;
}

const { npm, pypi, nuget, maven, go } = identityPackages;

describe('dependency edits', () => {
  it('finds the identity library already declared in every sample manifest', () => {
    const manifests: Array<[string, PackageRef]> = [
      ['typescript/package.json', npm],
      ['python/requirements.txt', pypi],
      ['csharp/Contoso.Samples.csproj', nuget],
      ['java/pom.xml', maven],
      ['go/go.mod', go],
    ];
    for (const [path, pkg] of manifests) assert.equal(dependencyEdit(path, readFileSync(join(samples, path), 'utf8'), pkg), undefined, path);
  });

  it('adds to package.json dependencies in sorted place, keeping tabs, or creates the section', () => {
    const text = '{\n\t"name": "x",\n\t"dependencies": {\n\t\t"@azure/cosmos": "^4.2.0",\n\t\t"openai": "^4.77.0"\n\t}\n}\n';
    assert.equal(added('package.json', text, npm), `{\n\t"name": "x",\n\t"dependencies": {\n\t\t"@azure/cosmos": "^4.2.0",\n\t\t"@azure/identity": "^${npm.version}",\n\t\t"openai": "^4.77.0"\n\t}\n}\n`);
    assert.equal(added('package.json', '{\n  "name": "x"\n}\n', npm), `{\n  "name": "x",\n  "dependencies": {\n    "@azure/identity": "^${npm.version}"\n  }\n}\n`);
    assert.equal(dependencyEdit('package.json', '{ "devDependencies": { "@azure/identity": "4.0.0" } }', npm), undefined);
    assert.equal(dependencyEdit('tsconfig.json', '{}', npm), undefined, 'not a manifest');
  });

  it('adds to requirements.txt in sorted place and knows names however they are spelled', () => {
    const sample = readFileSync(join(samples, 'python/requirements.txt'), 'utf8');
    const without = sample.replace('azure-identity>=1.19\n', '');
    assert.equal(added('requirements.txt', without, pypi), sample.replace('azure-identity>=1.19\n', `azure-identity>=${pypi.version}\n`));
    assert.equal(dependencyEdit('requirements.txt', '# deps\nAzure_Identity==1.17\n', pypi), undefined);
    assert.equal(added('requirements.txt', 'zeta\nalpha', pypi), `zeta\nalpha\nazure-identity>=${pypi.version}\n`);
  });

  it('adds to pyproject.toml [project] dependencies, multi-line, one-line or missing, and to Poetry', () => {
    const multi = '[project]\nname = "x"\ndependencies = [\n    "azure-storage-blob>=12.24",\n]\n\n[tool.ruff]\nline-length = 120\n';
    assert.equal(added('pyproject.toml', multi, pypi), `[project]\nname = "x"\ndependencies = [\n    "azure-storage-blob>=12.24",\n    "azure-identity>=${pypi.version}",\n]\n\n[tool.ruff]\nline-length = 120\n`);
    assert.equal(added('pyproject.toml', '[project]\ndependencies = ["openai"]\n', pypi), `[project]\ndependencies = ["openai", "azure-identity>=${pypi.version}"]\n`);
    assert.equal(added('pyproject.toml', '[project]\nname = "x"\n\n[tool.x]\n', pypi), `[project]\nname = "x"\ndependencies = ["azure-identity>=${pypi.version}"]\n\n[tool.x]\n`);
    assert.equal(added('pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.11"\n', pypi), `[tool.poetry.dependencies]\npython = "^3.11"\nazure-identity = "^${pypi.version}"\n`);
    assert.equal(dependencyEdit('pyproject.toml', '[tool.ruff]\nline-length = 120\n', pypi), undefined, 'tool configuration only');
  });

  it('adds a PackageReference to a .csproj beside the others, without Version under central package management', () => {
    const sample = readFileSync(join(samples, 'csharp/Contoso.Samples.csproj'), 'utf8');
    const line = '    <PackageReference Include="Azure.Identity" Version="1.13.1" />\n';
    assert.equal(added('Contoso.Samples.csproj', sample.replace(line, ''), nuget), sample.replace(line, line.replace('1.13.1', nuget.version)));
    const central = '<Project>\n  <ItemGroup>\n    <PackageReference Include="Azure.Storage.Blobs" />\n  </ItemGroup>\n</Project>\n';
    const edit = dependencyEdit('App.csproj', central, nuget)!;
    assert.match(edit.title, /Directory\.Packages\.props/);
    assert.equal(applyEdits(central, edit.edits), '<Project>\n  <ItemGroup>\n    <PackageReference Include="Azure.Identity" />\n    <PackageReference Include="Azure.Storage.Blobs" />\n  </ItemGroup>\n</Project>\n');
    assert.equal(added('App.csproj', '<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n', nuget), `<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Azure.Identity" Version="${nuget.version}" />\n  </ItemGroup>\n</Project>\n`);
  });

  it('adds a pom.xml dependency shaped like its neighbours, versioned by the Azure SDK BOM when imported', () => {
    const sample = readFileSync(join(samples, 'java/pom.xml'), 'utf8');
    const line = '    <dependency><groupId>com.azure</groupId><artifactId>azure-identity</artifactId></dependency>\n';
    const result = added('pom.xml', sample.replace(line, ''), maven);
    assert.match(result, /<\/dependency>\n {4}<dependency><groupId>com\.azure<\/groupId><artifactId>azure-identity<\/artifactId><\/dependency>\n {2}<\/dependencies>/);
    const plain = '<project>\n  <dependencies>\n    <dependency>\n      <groupId>com.azure</groupId>\n      <artifactId>azure-cosmos</artifactId>\n      <version>4.65.0</version>\n    </dependency>\n  </dependencies>\n</project>\n';
    assert.equal(
      added('pom.xml', plain, maven),
      plain.replace('    </dependency>\n', `    </dependency>\n    <dependency>\n      <groupId>com.azure</groupId>\n      <artifactId>azure-identity</artifactId>\n      <version>${maven.version}</version>\n    </dependency>\n`),
    );
  });

  it('adds to go.mod require blocks in sorted place, or a require line', () => {
    const sample = readFileSync(join(samples, 'go/go.mod'), 'utf8');
    const line = '\tgithub.com/Azure/azure-sdk-for-go/sdk/azidentity v1.8.0\n';
    assert.equal(added('go.mod', sample.replace(line, ''), go), sample.replace(line, line.replace('v1.8.0', go.version)));
    assert.equal(added('go.mod', 'module x\n\ngo 1.22\n', go), `module x\n\ngo 1.22\n\nrequire ${go.name} ${go.version}\n`);
  });
});

describe('nearest manifest', () => {
  const candidates = ['package.json', 'apps/web/package.json', 'apps/api/requirements.txt', 'apps/api/pyproject.toml', 'pyproject.toml', 'apps/webx/package.json', 'go.mod'];

  it('picks the manifest of the file’s own ecosystem in the nearest folder above it', () => {
    assert.equal(nearestManifest('apps/web/src/blob.ts', candidates, 'npm'), 'apps/web/package.json');
    assert.equal(nearestManifest('apps/other/blob.ts', candidates, 'npm'), 'package.json');
    assert.equal(nearestManifest('apps/api/app/main.py', candidates, 'pypi'), 'apps/api/requirements.txt');
    assert.deepEqual(manifestsFor('apps/api/main.py', candidates, 'pypi'), ['apps/api/requirements.txt', 'apps/api/pyproject.toml', 'pyproject.toml']);
    assert.equal(nearestManifest('cmd/main.go', candidates, 'go'), 'go.mod');
    assert.equal(nearestManifest('src/App.cs', candidates, 'nuget'), undefined);
    assert.equal(nearestManifest('C:\\repo\\apps\\web\\a.ts', ['C:\\repo\\apps\\web\\package.json', 'C:\\repo\\package.json'], 'npm'), 'C:\\repo\\apps\\web\\package.json');
  });
});
