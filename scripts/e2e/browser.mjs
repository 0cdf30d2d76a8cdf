// Headless Debian Chromium driven by playwright-core (never `playwright install`: it downloads browsers).
import { chromium } from 'playwright-core';
import { requireSystemPackages } from './systemPackages.mjs';

const CHROMIUM = '/usr/bin/chromium';

/** Launches the system Chromium headless with flags that keep it offline and container-friendly. */
export async function launchBrowser() {
  requireSystemPackages(['chromium']);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page sized for readable screenshots of the workbench. */
export async function newWorkbenchPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}
