import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'code-lens',
  title: 'a TypeScript sample that builds a client from a connection string shows a Keyless code lens',
  async run(workbench) {
    await workbench.openFile('blobFromConnectionString.ts');
    await workbench.codeLenses().filter({ hasText: /Use managed identity/ }).first().waitFor();
    await workbench.codeLenses().filter({ hasText: /Grant Storage Blob Data Reader/ }).first().waitFor();
  },
};
