// An isolated, quiet VS Code profile per run: its own user data, extensions and XDG folders, and settings that
// keep the workbench from phoning home or opening welcome pages.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './proc.mjs';

/** Settings for every test/demo profile: no telemetry, no welcome, no update or gallery checks. */
export const quietSettings = {
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'typescript.surveys.enabled': false,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': { '*': false },
  'editor.codeLens': true,
  'window.restoreWindows': 'none',
};

/**
 * Creates (fresh) `.vscode-test/profiles/<name>/` with user data, extensions and XDG folders and the settings above
 * (plus `extraSettings`); returns the paths.
 */
export function createProfile(name, extraSettings = {}) {
  const root = path.join(repoRoot, '.vscode-test', 'profiles', name);
  rmSync(root, { recursive: true, force: true });
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgData: path.join(root, 'xdg-data'),
    xdgConfig: path.join(root, 'xdg-config'),
    config: path.join(root, 'code-server.yaml'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdgData, dirs.xdgConfig]) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...extraSettings }, null, 2),
  );
  // code-server reads auth and bind address from here too; the command line overrides, but keep it explicit.
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}
