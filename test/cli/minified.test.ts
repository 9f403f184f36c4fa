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
});
