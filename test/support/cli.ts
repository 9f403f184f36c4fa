import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process in `cwd` and captures its output and exit code. */
export async function runCli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}
