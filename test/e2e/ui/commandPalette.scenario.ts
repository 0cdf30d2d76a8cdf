import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'command-palette',
  title: 'the palette lists the Keyless commands and "Keyless: Show Log" opens the Keyless output',
  async run(workbench) {
    const rows = await workbench.commandPalette('Keyless: ');
    for (const title of ['Sign in to Azure', 'Select Subscriptions…', 'Refresh', 'Show Log']) {
      await rows.filter({ hasText: `Keyless: ${title}` }).first().waitFor();
    }
    await workbench.page.keyboard.press('Escape');
    await workbench.runCommand('Keyless: Show Log');
    await workbench.outputChannel('Keyless').waitFor();
  },
};
