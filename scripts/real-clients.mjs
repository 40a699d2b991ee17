// Where the real clients that the `extension`, `package`, `nvim` and `emacs` tiers drive are found, and what
// is missing for a tier. scripts/install-real-clients.sh installs them; .ci/run calls it first.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const CODE_SERVER_HOME = process.env.CODE_SERVER_HOME ?? join(root, '.cache', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? onPath('chromium') ?? onPath('chromium-browser');
export const nvimPath = () => onPath('nvim');
export const emacsPath = () => onPath('emacs');

/** Debian's elpa-eglot (for Emacs 28), or the eglot that Emacs 29 and later carry in their own lisp. */
function eglotInstalled() {
  const elpa = '/usr/share/emacs/site-lisp/elpa';
  if (existsSync(elpa) && readdirSync(elpa).some((name) => name.startsWith('eglot-'))) return true;
  const emacs = '/usr/share/emacs';
  return existsSync(emacs) && readdirSync(emacs).some((v) => ['eglot.el', 'eglot.el.gz', 'eglot.elc'].some((f) => existsSync(join(emacs, v, 'lisp', 'progmodes', f))));
}
export const codeServerReady = () => existsSync(CODE_SERVER_ENTRY) && existsSync(join(CODE_SERVER_HOME, '.complete'));

/** What a tier lacks, in words that say how to get it, or undefined when it can run. */
export function missingFor(tier) {
  const install = 'bash scripts/install-real-clients.sh';
  if (tier === 'extension') {
    const lack = [];
    if (!chromiumPath()) lack.push(`Debian's chromium (${install} apt)`);
    if (!codeServerReady()) lack.push(`code-server 4.100.3 in ${CODE_SERVER_HOME} (${install} code-server)`);
    return lack.length ? lack.join(' and ') : undefined;
  }
  if (tier === 'report') return chromiumPath() ? undefined : `Debian's chromium (${install} apt)`;
  if (tier === 'nvim') return nvimPath() ? undefined : `Debian's neovim (${install} apt)`;
  if (tier === 'emacs') return emacsPath() && eglotInstalled() ? undefined : `Debian's emacs-nox and elpa-eglot (${install} apt)`;
  return undefined;
}
