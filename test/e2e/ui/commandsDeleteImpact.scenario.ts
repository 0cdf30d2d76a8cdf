import { startCommand } from './commandsSupport';
import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'commands-delete-impact',
  title: 'deleting id-orders-worker first shows its impact: the resources it is assigned to, its role assignments and federated credential, with the offer to remove its role assignments',
  async run(workbench) {
    const page = workbench.page;
    const choose = await startCommand(workbench, 'Keyless: Delete Managed Identity…');
    await choose('Contoso Production');
    await choose('id-orders-worker');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.locator('text=Role assignments it holds').first().waitFor();
    await dialog.locator('text=Delete and Remove Role Assignments').first().waitFor();
  },
};
