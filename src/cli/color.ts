/**
 * Whether the text report is coloured. In order: `--color` / `--no-color`; `FORCE_COLOR` (any
 * value but `0` or `false` forces colour, as Node and chalk read it, even over `NO_COLOR`: it is
 * the more specific ask); `NO_COLOR` set to anything but the empty string (no-color.org); a report
 * written to a file is plain; otherwise colour on a terminal whose `TERM` is not `dumb`.
 */
export function useColor(options: {
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  toFile: boolean;
}): boolean {
  const { flag, env } = options;
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (options.toFile) return false;
  return options.isTTY && env.TERM !== 'dumb';
}
