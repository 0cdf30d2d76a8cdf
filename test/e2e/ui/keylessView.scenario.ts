import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'keyless-view',
  title: 'the Keyless activity-bar item opens the Managed Identities view',
  async run(workbench) {
    const sidebar = await workbench.openViewContainer('Keyless');
    // Signed out: the welcome view's sign-in button; signed in: tree rows. Either is the view really rendering.
    const signIn = sidebar.locator('.welcome-view-content .monaco-button', { hasText: 'Sign in to Azure' });
    await signIn.or(workbench.sidebarRows().first()).first().waitFor();
    await sidebar.locator('.pane-header', { hasText: 'Managed Identities' }).waitFor({ state: 'attached' });
  },
};
