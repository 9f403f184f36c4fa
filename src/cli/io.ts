/** Where the CLI writes and what it knows of its surroundings; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

let stdoutClosed = false;
let watchingStdout = false;

/**
 * A reader that stops early (`faultline merge --dry-run | head -1`) closes the pipe: what is left
 * to print is dropped and the run ends as it would have, instead of dying on an EPIPE stack trace.
 */
function watchStdout(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  watchStdout();
  return {
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
