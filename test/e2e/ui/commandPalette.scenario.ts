import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'command-palette',
  title: 'the palette lists the Keyless commands and "Keyless: Show Log" opens the Keyless output',
  async run(workbench) {
    // The palette lists more Keyless commands than fit on screen (the list is virtualised), so filter for each one.
    for (const title of ['Sign in to Azure', 'Select Subscriptions…', 'Refresh', 'Show Log']) {
      const rows = await workbench.commandPalette(`Keyless: ${title}`);
      await rows.filter({ hasText: `Keyless: ${title}` }).first().waitFor();
      await workbench.page.keyboard.press('Escape');
    }
    await workbench.runCommand('Keyless: Show Log');
    await workbench.outputChannel('Keyless').waitFor();
  },
};
