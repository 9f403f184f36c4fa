import { XMLValidator } from 'fast-xml-parser';

/**
 * A postmortem file its format's reader cannot parse (broken JSON of a notebook, XML that is not
 * well-formed): the reader's message and the line it stopped at. The caller names the file.
 */
export class PostmortemSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'PostmortemSyntaxError';
  }
}

/** Throws `PostmortemSyntaxError` (with its line, offset by `firstLine - 1`) when `xml` is not well-formed. */
export function assertWellFormedXml(xml: string, what: string, firstLine = 1): void {
  const result = XMLValidator.validate(xml);
  if (result === true) return;
  const line = result.err.line + firstLine - 1;
  throw new PostmortemSyntaxError(`cannot be parsed as ${what}: ${result.err.msg}`, line);
}

/**
 * The JSON in `text`, or undefined when it is no JSON: the prologue of readers that try a format on
 * any `.json` file and give way to the next reader when it is not theirs.
 */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The JSON in `text`, or a `PostmortemSyntaxError` with the line JSON.parse stopped at. */
export function parseJsonOrThrow(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new PostmortemSyntaxError(`cannot be parsed as ${what}: ${message}`, line);
  }
}
