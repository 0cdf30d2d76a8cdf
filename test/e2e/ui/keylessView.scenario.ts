import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'keyless-view',
  title: 'the Keyless activity-bar item opens the view, signed in to the emulator, listing the demo subscriptions',
  async run(workbench) {
    const sidebar = await workbench.openViewContainer('Keyless');
    await sidebar.locator('.pane-header', { hasText: 'Managed Identities' }).waitFor({ state: 'attached' });
    const rows = workbench.sidebarRows();
    for (const subscription of ['Contoso Production', 'Contoso Development', 'Fabrikam Sandbox']) {
      await rows.filter({ hasText: subscription }).first().waitFor();
    }
    // The demo's Woodgrove tenant requires MFA: it shows as a tenant that needs sign-in, not as subscriptions.
    await rows.filter({ hasText: /Woodgrove.*sign-in/ }).first().waitFor();
    // Signed in: the Managed Identities pane shows its tree, not its welcome content (Passwordless keeps its own).
    const identitiesPane = sidebar.locator('.pane').filter({ has: workbench.page.locator('.pane-header', { hasText: 'Managed Identities' }) });
    await identitiesPane.locator('.welcome-view-content').waitFor({ state: 'hidden' });
  },
};
