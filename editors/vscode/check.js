'use strict';
// `npm run build`: VS Code loads this extension's plain JavaScript as it is, so there is nothing to
// compile; building it means checking what would otherwise fail only when VS Code activates it.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const manifest = JSON.parse(readFileSync(join(__dirname, 'package.json'), 'utf8'));
const files = readdirSync(__dirname).filter((f) => f.endsWith('.js')).sort();
const problems = [];
if (!existsSync(join(__dirname, manifest.main))) problems.push(`package.json: "main" names ${manifest.main}, which does not exist`);
for (const file of files) {
  try {
    execFileSync(process.execPath, ['--check', join(__dirname, file)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    problems.push(`${file}: does not parse\n${String(error.stderr).trim()}`);
  }
  // A relative require that names no file fails only at activation.
  for (const [, target] of readFileSync(join(__dirname, file), 'utf8').matchAll(/require\('(\.{1,2}\/[^']+)'\)/g)) {
    if (!existsSync(join(__dirname, target))) problems.push(`${file}: requires ${target}, which does not exist`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`faultline-vscode: ${files.length} files parse, ${manifest.main} is the entry`);
