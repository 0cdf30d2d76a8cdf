// A small page object over VS Code's web workbench for UI scenarios. Every wait is on real UI state (a selector),
// never a fixed sleep.
import type { Locator, Page } from 'playwright-core';

export class Workbench {
  constructor(readonly page: Page) {}

  /**
   * Resolves once the workbench has rendered and knows Keyless's contributions (its activity-bar item is there);
   * before that the palette has no Keyless commands.
   */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    await this.activityBarItem('Keyless').waitFor({ timeout: 60_000 });
  }

  activityBarItem(label: string): Locator {
    return this.page.locator(`.part.activitybar a.action-label[aria-label^="${label}"]`);
  }

  /** Clicks the activity-bar item whose label starts with `label` and waits for its side bar to show. */
  async openViewContainer(label: string): Promise<Locator> {
    await this.activityBarItem(label).click();
    const title = this.page.locator('.part.sidebar .composite.title h2', { hasText: label });
    await title.waitFor();
    return this.page.locator('.part.sidebar');
  }

  /** Rows of the trees and lists currently in the side bar. */
  sidebarRows(): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row');
  }

  /** Opens the command palette with `>text` typed; returns the visible entries' locator. */
  async commandPalette(text: string): Promise<Locator> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${text}`);
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  }

  /** Runs a command by its palette title (e.g. "Keyless: Show Log"), choosing the exact entry. */
  async runCommand(title: string): Promise<void> {
    const rows = await this.commandPalette(title);
    const row = rows.filter({ has: this.page.locator(`.label-name`, { hasText: title }) }).first();
    await row.waitFor();
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file through quick open (`relativePath` as shown in the picker, e.g. "app.ts"). */
  async openFile(fileName: string): Promise<Locator> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(fileName);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fileName }).first();
    await row.waitFor();
    await row.click();
    await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Moves the cursor of the active editor with Go to Line (1-based line and column, as the status bar shows them). */
  async goToLine(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+g');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor();
  }

  /** The lightbulb of the active editor (shown when code actions exist at the cursor). */
  lightBulb(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .lightBulbWidget');
  }

  /** Rows of the open quick fix (lightbulb / Ctrl+.) menu. */
  quickFixMenuRows(): Locator {
    return this.page.locator('.action-widget .monaco-list-row');
  }

  /** Notification toasts currently shown (bottom right). */
  notifications(): Locator {
    return this.page.locator('.notifications-toasts .notification-toast');
  }

  /** Code lenses rendered in the active editor. */
  codeLenses(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor .codelens-decoration a');
  }

  /** The Output panel showing channel `name` (its channel picker names the selected channel). */
  outputChannel(name: string): Locator {
    return this.page.locator('.part.panel .monaco-select-box, .part.panel .output-channel-switcher select', { hasText: name })
      .or(this.page.locator(`.part.panel [aria-label*="${name}"]`))
      .first();
  }
}
