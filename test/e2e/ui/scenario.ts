// The shape of one UI scenario (test/e2e/ui/*.scenario.ts). The runner (scripts/e2e/ui.mjs) opens a fresh workbench
// page with Keyless under development on the samples/ workspace, runs the scenario, then saves
// test-results/ui-<name>.png — so the scenario should end in the state its title claims.
import type { Workbench } from './workbench';

export interface UiScenario {
  /** File-safe id: names the screenshot. */
  name: string;
  /** What the screenshot shows, as a sentence. */
  title: string;
  /** Set while the feature is not built ("pending: <feature>" is printed instead of running); delete to enable. */
  pending?: string;
  run(workbench: Workbench): Promise<void>;
}
