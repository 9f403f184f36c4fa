import { fieldKey, isPlain } from '../record-fields.js';
import { isProseMirrorDoc, prosemirrorMarkdown } from '../postmortems/prosemirror-markdown.js';
import { contextVocabulary } from '../vocabulary/context-vocabulary.js';

/**
 * An issue tracker's search response (Jira Cloud REST `search`: `{ issues: [{ key, id, fields }],
 * names }`) as a list of plain records: each issue's `key` and `id` with its `fields`, a custom
 * field (`customfield_10065`) under the name the response's `names` map gives it ("Root cause"), a
 * rich-text value (Atlassian's document format, `{ type: "doc", content }`) as its text in
 * Markdown, and its comments (`comment: { comments: [...] }`) as its `timeline`, each `time - text`
 * (keys: the vocabulary's `issue_export`). When some issues are of an incident type, issues of
 * another type (a "Post-incident review" linked to an incident) are left out. Any other data is
 * returned unchanged.
 */
export function issueSearchRecords(data: unknown): unknown {
  if (!isPlain(data) || !Array.isArray(data.issues) || data.issues.length === 0) return data;
  const issues = data.issues as unknown[];
  if (!issues.every((i) => isPlain(i) && isPlain(i.fields))) return data;
  const names = isPlain(data.names) ? data.names : {};
  const vocabulary = contextVocabulary().issue_export;
  const records = (issues as { key?: unknown; id?: unknown; fields: Record<string, unknown> }[]).map((issue) => {
    const record: Record<string, unknown> = {};
    let commentList: string[] = [];
    if (issue.key !== undefined) record.key = issue.key;
    if (issue.id !== undefined) record.id = issue.id;
    for (const [id, value] of Object.entries(issue.fields)) {
      const name = /^customfield_/i.test(id) && typeof names[id] === 'string' ? (names[id] as string) : id;
      if (name in record) continue;
      if (isCommentList(value)) commentList = comments(value.comments, vocabulary);
      else record[name] = richText(value);
    }
    // the comments are the issue's timeline (as text, so a timeline its description writes as a
    // section does not hide them), unless a field of its own is one
    if (commentList.length > 0 && !Object.keys(record).some((k) => fieldKey(k) === 'timeline')) record.timeline = commentList;
    return record;
  });
  const typeOf = (r: Record<string, unknown>): string | undefined => {
    const keys = new Set(vocabulary.type_keys.map(fieldKey));
    const key = Object.keys(r).find((k) => keys.has(fieldKey(k)));
    const v = key === undefined ? undefined : r[key];
    const name = isPlain(v) ? v.name : v;
    return typeof name === 'string' ? name.trim().toLowerCase() : undefined;
  };
  const incidentTypes = new Set(vocabulary.incident_types.map((t) => t.toLowerCase()));
  const someIncidents = records.some((r) => incidentTypes.has(typeOf(r) ?? ''));
  const { issues: _issues, names: _names, ...rest } = data;
  return { ...rest, incidents: someIncidents ? records.filter((r) => { const t = typeOf(r); return t === undefined || incidentTypes.has(t); }) : records };
}

function isCommentList(value: unknown): value is { comments: unknown[] } {
  return isPlain(value) && Array.isArray(value.comments);
}

/** A rich-text document as its Markdown; other values as they are. */
function richText(value: unknown): unknown {
  return isProseMirrorDoc(value) ? prosemirrorMarkdown(value).trim() : value;
}

function comments(list: readonly unknown[], keys: { comment_time: string[]; comment_text: string[] }): string[] {
  return list.flatMap((c) => {
    if (!isPlain(c)) return [];
    const text = keys.comment_text.map((k) => richText(c[k])).find((v): v is string => typeof v === 'string' && v.trim().length > 0);
    if (text === undefined) return [];
    const time = keys.comment_time.map((k) => c[k]).find((v): v is string => typeof v === 'string' && v.trim().length > 0);
    const event = text.replace(/\s*\n+\s*/g, ' ').trim();
    return [time === undefined ? event : `${time} - ${event}`];
  });
}
