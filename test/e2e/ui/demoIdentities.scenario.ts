import type { UiScenario } from './scenario';

export const scenario: UiScenario = {
  name: 'demo-identities',
  title: 'Contoso Production expanded in the Keyless view: its identities, and id-orders-worker with Assigned to, Role assignments and Federated credentials open',
  async run(workbench) {
    const sidebar = await workbench.openViewContainer('Keyless');
    // Widen the side bar so descriptions (resource group · location, scope in words) show in the screenshot.
    const edge = await sidebar.boundingBox();
    if (edge) {
      const page = workbench.page;
      await page.mouse.move(edge.x + edge.width - 1, edge.y + edge.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge.x + 720, edge.y + edge.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    const rows = workbench.sidebarRows();
    const expand = async (text: string | RegExp) => {
      const row = rows.filter({ hasText: text }).first();
      await row.waitFor();
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      await workbench.page.locator(`.part.sidebar .monaco-list-row[aria-expanded="true"]`, { hasText: text }).first().waitFor();
    };
    await expand('Contoso Production');
    for (const identity of ['id-orders-api', 'id-orders-worker', 'id-github-deploy']) await rows.filter({ hasText: identity }).first().waitFor();
    await expand('id-orders-worker');
    await expand(/^Assigned to \(3\)/);
    await rows.filter({ hasText: 'vmss-orders' }).first().waitFor();
    await expand(/^Role assignments \(3\)/);
    await rows.filter({ hasText: 'Storage Queue Data Message Processor' }).first().waitFor();
    await expand(/^Federated credentials \(1\)/);
    await rows.filter({ hasText: 'aks-orders-worker' }).first().waitFor();
    await rows.filter({ hasText: 'aks-orders-worker' }).first().hover(); // its tooltip-free row, selection off the groups
  },
};
