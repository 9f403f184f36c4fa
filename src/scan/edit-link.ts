// What the link step needs to settle one edited file of a scanned workspace, so an edit is not
// linked against every pending finding of the project again.
import type { LinkInput } from '../engine/link.js';
import type { Requirement } from '../matchers/index.js';

/**
 * The link inputs whose `linkFindings` gives exactly the findings a link of all of `links` gives
 * in `file`, for far fewer pending findings to settle.
 *
 * A finding lands in the file of the pending finding it comes from, except one found through a
 * reference to an imported helper (a requirement with `relocate`), which moves into the helper's
 * file. So `file` keeps its own pending and deferred findings, and every other file keeps only its
 * relocating ones (deferred ones included: one that may hold sends its file to a full scan, whose
 * relocating findings count). Everything else the link reads of another file is its summary (its
 * imports, functions and project facts) and every summary is passed, so each remaining finding is
 * settled as in the whole link. This relies on `relocate` being set where a candidate is found,
 * not by a later test, so a deferred finding carries it whenever its full finding would.
 */
export function linkInputsFor(file: string, links: ReadonlyMap<string, LinkInput>): LinkInput[] {
  const inputs: LinkInput[] = [];
  // In the links' order, so findings deduplicated in the link keep the same one of a pair.
  for (const input of links.values()) inputs.push(input.file === file ? input : relocatingPart(input));
  return inputs;
}

/** Whether a pending or deferred finding may be reported in another file than its own. */
export function relocates(finding: { requires: readonly Requirement[] }): boolean {
  return finding.requires.some((r) => r.kind === 'helper' && r.relocate === true);
}

const NONE: readonly never[] = [];
const parts = new WeakMap<LinkInput, LinkInput>();

/** The input with only its relocating findings; kept per input, since most inputs outlive many edits. */
function relocatingPart(input: LinkInput): LinkInput {
  let part = parts.get(input);
  if (part === undefined) {
    const pending = input.pending.filter(relocates);
    const deferred = (input.deferred ?? NONE).filter(relocates);
    part = { ...input, pending: pending.length > 0 ? pending : NONE, deferred: deferred.length > 0 ? deferred : NONE };
    parts.set(input, part);
  }
  return part;
}
