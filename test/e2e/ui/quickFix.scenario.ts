import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'quick-fix',
  title: 'the quick fix menu on a connection-string client offers DefaultAzureCredential (preferred), the user-assigned variant and fix all',
  async run(workbench) {
    await workbench.openFile('blobFromConnectionString.ts');
    // The lens shows once the findings are in, so the diagnostic under the cursor is there too.
    await workbench.codeLenses().filter({ hasText: /Use managed identity/ }).first().waitFor();
    await workbench.goToLine(8, 40);
    // The lightbulb appears once the editor knows the actions at the cursor; clicking it opens the quick fix menu.
    await workbench.lightBulb().click();
    const rows = workbench.quickFixMenuRows();
    await rows.filter({ hasText: 'Use DefaultAzureCredential' }).first().waitFor();
    await rows.filter({ hasText: 'Use a user-assigned managed identity (AZURE_CLIENT_ID)' }).first().waitFor();
    await rows.filter({ hasText: 'Fix all secret-based clients in this file' }).first().waitFor();
  },
};
