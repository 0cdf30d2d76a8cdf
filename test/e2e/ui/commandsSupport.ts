// Shared by the identity-command UI scenarios: open Keyless, run a command, click through its quick picks.
import type { Workbench } from './workbench';

export async function startCommand(workbench: Workbench, title: string): Promise<(label: string) => Promise<void>> {
  await workbench.openViewContainer('Keyless');
  await workbench.runCommand(title);
  const widget = workbench.page.locator('.quick-input-widget');
  return async (label: string) => {
    const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor();
    await row.click();
  };
}
