// Writes the screenshots of docs/trace-viewer.md from real counterexamples (a separate command, not a test):
//   mvn -B -q package -DskipTests && node cli/src/test/browser/docs-screenshots.mjs
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const images = path.join(repo, 'docs/images');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ballot-viewer-docs-'));

function page(name, model, flags) {
  const html = path.join(tmp, name + '.html');
  const r = spawnSync('java', ['-Xss16m', '-jar', path.join(repo, 'cli/target/ballot.jar'), 'check', ...flags, model,
    '--html', html], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 10) throw new Error(`${model}: exit ${r.status} ${r.stderr}`);
  return html;
}

const raft = page('raft', 'protocols/models/raft/Raft-bug-vote-twice.m', ['--deadlock-detection', 'off']);
const token = page('token', 'cli/src/test/browser/models/token-passing-bug.m', ['--deadlock-detection', 'off']);
const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1,
});
await context.setOffline(true);
const open = async (html) => {
  const p = await context.newPage();
  await p.goto('file://' + html);
  await p.waitForFunction(() => window.ballotViewer && window.ballotViewer.ready);
  return p;
};

let p = await open(raft);
await p.keyboard.press('Home');
await p.keyboard.press('ArrowDown');
await p.keyboard.press('ArrowDown');
await p.keyboard.press('ArrowDown');
await p.screenshot({ path: path.join(images, 'trace-viewer-overview.png') });
await p.keyboard.press('End');
const lanes = p.locator('.violation .lanes-wrap');
await lanes.screenshot({ path: path.join(images, 'trace-viewer-swimlanes.png') });
await p.locator('li.step[data-step="3"] a.loc').click();
await p.locator('details.source-panel').screenshot({ path: path.join(images, 'trace-viewer-source.png') });
await p.locator('input.lane-toggle[data-lane="Server:Server_3"]').uncheck();
await p.locator('input.var-filter').fill('role, votedFor');
await p.locator('.violation').evaluate((e) => e.scrollIntoView());
await p.locator('.violation .panes').screenshot({ path: path.join(images, 'trace-viewer-filtered.png') });
await p.close();

p = await open(token);
await p.locator('.violation .lanes-wrap').screenshot({ path: path.join(images, 'trace-viewer-messages.png') });
await p.close();
await context.close();
fs.rmSync(tmp, { recursive: true, force: true });
console.log('wrote', fs.readdirSync(images).filter((f) => f.startsWith('trace-viewer')).join(', '));
