import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'demo-identities',
  title: 'expanding "Contoso Production" in the Keyless view lists its managed identities',
  pending: 'identities under each subscription (IdentitiesTreeProvider subscriptionChildren)',
  async run(workbench) {
    await workbench.openViewContainer('Keyless');
    const rows = workbench.sidebarRows();
    const production = rows.filter({ hasText: 'Contoso Production' }).first();
    await production.click();
    if ((await production.getAttribute('aria-expanded')) !== 'true') await workbench.page.keyboard.press('ArrowRight');
    for (const identity of ['id-orders-api', 'id-orders-worker', 'id-orders-web']) {
      await rows.filter({ hasText: identity }).first().waitFor();
    }
  },
};
