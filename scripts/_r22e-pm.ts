import { readFileSync } from 'node:fs';
import { postmortemMarkdown } from '../src/context/postmortems/postmortem-markdown.js';
import { parsePostmortem } from '../src/context/postmortems/parse-postmortem.js';
const f = process.argv[2]!;
const ext = f.slice(f.lastIndexOf('.'));
const md = (await postmortemMarkdown(readFileSync(f, 'utf8'), ext)) ?? '';
if (process.argv[3]) console.log(md);
const pm = parsePostmortem(md, f);
console.log(JSON.stringify({ ...pm, narrative: pm.narrative.length }, null, 1));
