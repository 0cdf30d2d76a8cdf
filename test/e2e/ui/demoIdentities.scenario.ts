import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'demo-identities',
  title: 'after sign-in the Keyless view lists the demo subscriptions and their identities',
  pending: 'identities tree (src/tree) and Emulator sign-in (src/azure)',
  async run(workbench) {
    const sidebar = await workbench.openViewContainer('Keyless');
    const signIn = sidebar.locator('.welcome-view-content .monaco-button', { hasText: 'Sign in to Azure' });
    if (await signIn.isVisible()) await signIn.click();
    const rows = workbench.sidebarRows();
    for (const subscription of ['Contoso Production', 'Contoso Development', 'Fabrikam Sandbox']) {
      await rows.filter({ hasText: subscription }).first().waitFor();
    }
    await rows.filter({ hasText: 'Contoso Production' }).first().click();
    await rows.filter({ hasText: /^id-|identity/i }).first().waitFor();
  },
};
