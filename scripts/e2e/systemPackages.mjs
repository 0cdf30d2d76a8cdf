// Checks for the Debian packages the e2e setup needs and fails with a message that names the missing ones.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const onPath = (command) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** What each group needs, as [Debian package, how we detect it]. */
const groups = {
  chromium: [['chromium', () => existsSync('/usr/bin/chromium')]],
  ripgrep: [['ripgrep', () => onPath('rg')]],
  codeServerBuild: [
    ['libkrb5-dev', () => existsSync('/usr/include/gssapi/gssapi.h')],
    ['libxkbfile-dev', () => existsSync('/usr/include/X11/extensions/XKBfile.h')],
    ['libsecret-1-dev', () => existsSync('/usr/include/libsecret-1/libsecret/secret.h')],
    ['libx11-dev', () => existsSync('/usr/include/X11/Xlib.h')],
    ['build-essential', () => onPath('g++') && onPath('make')],
    ['python3', () => onPath('python3')],
  ],
};

/** Throws naming every missing package (and the command that installs them) for the given groups. */
export function requireSystemPackages(names) {
  const missing = names.flatMap((name) => groups[name].filter(([, present]) => !present()).map(([pkg]) => pkg));
  if (missing.length === 0) return;
  throw new Error(
    `Missing system package${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.\n` +
      `Install with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
  );
}
