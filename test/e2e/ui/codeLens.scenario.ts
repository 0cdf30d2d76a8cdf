import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'code-lens',
  title: 'a TypeScript sample that builds a client from a connection string shows a Keyless code lens',
  pending: 'passwordless code lenses (src/passwordless/vscode)',
  async run(workbench) {
    await workbench.openFile('blobFromConnectionString.ts');
    await workbench.codeLenses().filter({ hasText: /Keyless|credential-free|DefaultAzureCredential/i }).first().waitFor();
  },
};
