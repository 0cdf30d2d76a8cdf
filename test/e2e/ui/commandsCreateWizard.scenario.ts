import { startCommand } from './commandsSupport';
import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'commands-create-wizard',
  title: 'the Create Managed Identity wizard at its name step (4/5) with Back, warning that a 25+ character name cannot be assigned to VMs',
  async run(workbench) {
    const page = workbench.page;
    const choose = await startCommand(workbench, 'Keyless: Create Managed Identity…');
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('input.input');
    await choose('Contoso Production');
    await choose('rg-identities');
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: "resource group's location" }).first().waitFor();
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: 'Create Managed Identity' }).waitFor();
    await input.fill('id-orders-reporting-nightly-export');
    await widget.locator('.quick-input-message', { hasText: 'cannot be assigned to virtual machines' }).waitFor();
  },
};
