/**
 * The identity library of each ecosystem at a current stable release: what a dependency fix adds when a manifest
 * lacks it. One table, so every rewriter's Fix.requires and every manifest edit agree on names and versions.
 */
import type { PackageRef } from '../model';

export type Ecosystem = PackageRef['ecosystem'];

export const identityPackages: Record<Ecosystem, PackageRef> = {
  npm: { ecosystem: 'npm', name: '@azure/identity', version: '4.14.1' },
  pypi: { ecosystem: 'pypi', name: 'azure-identity', version: '1.19.0' },
  nuget: { ecosystem: 'nuget', name: 'Azure.Identity', version: '1.13.2' },
  maven: { ecosystem: 'maven', name: 'com.azure:azure-identity', version: '1.15.4' },
  go: { ecosystem: 'go', name: 'github.com/Azure/azure-sdk-for-go/sdk/azidentity', version: 'v1.8.2' },
};

/** The manifest file names of each ecosystem, preferred first within one folder. */
export const manifestNames: Record<Ecosystem, (fileName: string) => boolean> = {
  npm: (name) => name === 'package.json',
  pypi: (name) => name === 'requirements.txt' || name === 'pyproject.toml',
  nuget: (name) => name.endsWith('.csproj'),
  maven: (name) => name === 'pom.xml',
  go: (name) => name === 'go.mod',
};

/** Within one folder: requirements.txt before pyproject.toml (which often configures tools only). */
export const manifestPreference = ['requirements.txt', 'pyproject.toml'];
