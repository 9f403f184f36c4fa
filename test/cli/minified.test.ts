import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

// A retry loop around a POST, as a bundler would emit it (one long line) and as a person writes it.
const loop = "async function pay(o){for(let a=0;a<3;a++){try{return await fetch('https://pay.example.com/charges',{method:'POST',body:JSON.stringify(o)})}catch(e){if(a===2)throw e}}}";

describe('minified and bundled JavaScript', () => {
  it('is skipped with a warning, while the same code written by hand is scanned', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `var v${i}=function(){return ${i}}`).join(';');
    const dir = project({
      'public/assets/index-3f9c1a.js': `${filler};${loop}\n`,
      'src/pay.js': loop.replace(/;/g, ';\n').replace(/\{/g, '{\n'),
    });
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--no-cache'], dir);
    const report = JSON.parse(stdout) as { findings: { file: string; ruleId: string }[]; errors: { file: string; kind: string }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['AP-001 src/pay.js']);
    expect(report.errors.map((e) => `${e.file} ${e.kind}`)).toEqual(['public/assets/index-3f9c1a.js minified']);
  });

  it('skips a bundle whose code sits on long lines though its template strings keep short ones, not a file with long data strings', async () => {
    // A bundle (vite's chunks/globals-DkQ9qOwI.js): CSS in template strings keeps its line breaks, so
    // the average line is short, but the code is on lines of thousands of packed characters.
    const code = Array.from({ length: 120 }, (_, i) => `function f${i}(e){if(e.type==="error"){this.dispatch({type:"error",error:e});return}this.x${i}=e}`).join(';');
    const css = Array.from({ length: 300 }, (_, i) => `  .c${i} { color: red; }`).join('\n');
    const icons = Array.from({ length: 12 }, () => `  '${'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 '.repeat(40)}',`).join('\n');
    const sizes = Array.from({ length: 60 }, (_, i) => `export const size${i} = ${i};`).join('\n');
    const dir = project({
      'static/chunks/globals-DkQ9qOwI.js': `${code};${loop}\nconst s=\`\n${css}\n\`;\n`,
      'src/icons.js': `export const iconPaths = [\n${icons}\n];\n${sizes}\n${loop.replace(/;/g, ';\n').replace(/\{/g, '{\n')}\n`,
    });
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--no-cache'], dir);
    const report = JSON.parse(stdout) as { findings: { file: string; ruleId: string }[]; errors: { file: string; kind: string }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(['AP-001 src/icons.js']);
    expect(report.errors.map((e) => `${e.file} ${e.kind}`)).toEqual(['static/chunks/globals-DkQ9qOwI.js minified']);
  });
});
