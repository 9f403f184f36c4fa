'use strict';
// Which process the extension starts, apart from VS Code so that it can be tested without it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

/** The arguments that make faultline a language server over stdio. */
const SERVER_ARGS = ['lsp', '--stdio'];

/**
 * The executable and arguments of the language server: the configured path, else the
 * workspace's own faultline (`npm i -D faultline`), else `faultline` on the PATH.
 * @param {string | undefined} workspaceRoot the first workspace folder, if any
 * @param {string | undefined} configured the `faultline.path` setting
 * @param {(path: string) => boolean} [exists]
 * @returns {{ command: string, args: string[] }}
 */
function serverCommand(workspaceRoot, configured, exists = existsSync) {
  if (configured) return { command: configured, args: [...SERVER_ARGS] };
  const bin = process.platform === 'win32' ? 'faultline.cmd' : 'faultline';
  const local = workspaceRoot === undefined ? undefined : join(workspaceRoot, 'node_modules', '.bin', bin);
  return { command: local !== undefined && exists(local) ? local : bin, args: [...SERVER_ARGS] };
}

module.exports = { serverCommand, SERVER_ARGS };
