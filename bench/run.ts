import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { join } from 'node:path';
import { runCallToScreen, callToScreenDefaults } from './cases/call-to-screen.js';
import { runEtaDay } from './cases/eta.js';
import { runFloor } from './cases/floor.js';
import { runRestart } from './cases/restart.js';
import { runTicketIssue } from './cases/ticket-issue.js';
import { repoRoot } from './support/hall-process.js';
import { loadAverage } from './support/process-cpu.js';
import { summaryRows } from './summary.js';
import { formatTable } from './support/table.js';

/**
 * The kernel, and how its idle cores wait: on a VM whose idle vCPUs halt at once (no polling), a thread woken onto
 * one waits for the host to run that vCPU again, which shows in every tail below.
 */
function kernelFacts(): string {
  const read = (path: string) => { try { return readFileSync(path, 'utf8').trim(); } catch { return null; } };
  const idle = read('/sys/devices/system/cpu/cpuidle/current_driver');
  const pollNs = idle === 'haltpoll' ? read('/sys/module/haltpoll/parameters/guest_halt_poll_ns') : null;
  return `Linux ${release()}${idle ? `, idle: ${idle}${pollNs !== null ? ` (polls ${pollNs} ns before halting)` : ''}` : ''}`;
}

/**
 * `npm run bench`: every benchmark in turn, a table of figures against the targets, and the full results as JSON
 * in bench/results/ (latest.json and one file per run). `--readme` also puts the table into bench/README.md.
 * `--only floor,eta,issue,restart,screens` runs a subset.
 */
async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['floor', 'eta', 'issue', 'restart', 'screens'];
  const started = Date.now();
  const results: Record<string, unknown> = {
    startedAt: new Date(started).toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model, kernel: kernelFacts(), node: process.version,
    loadAverageAtStart: loadAverage(),
  };
  const step = async (name: string, run: () => Promise<unknown>) => {
    if (!only.includes(name)) return;
    const t = performance.now();
    process.stderr.write(`bench: ${name} ... `);
    results[name] = await run();
    process.stderr.write(`${((performance.now() - t) / 1000).toFixed(1)} s (load ${loadAverage()})\n`);
  };
  await step('floor', () => runFloor(callToScreenDefaults.phones));
  await step('eta', () => runEtaDay());
  await step('issue', () => runTicketIssue());
  await step('restart', () => runRestart());
  await step('screens', () => runCallToScreen());
  results.seconds = Math.round((Date.now() - started) / 1000);
  results.loadAverageAtEnd = loadAverage();

  const table = formatTable(summaryRows(results as never));
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({ ...results, table }, null, 2);
  writeFileSync(join(dir, 'latest.json'), json);
  writeFileSync(join(dir, `${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`), json);
  const header = `${results.startedAt} · ${results.cpus} × ${results.cpuModel} · ${results.kernel} · node ${results.node} · load average ${results.loadAverageAtStart} → ${results.loadAverageAtEnd} · ${results.seconds} s`;
  process.stdout.write(`\n${header}\n\n${table}\n\nFull results: bench/results/latest.json\n`);
  if (process.argv.includes('--readme')) {
    const readme = join(repoRoot, 'bench/README.md');
    const text = readFileSync(readme, 'utf8');
    const block = `<!-- latest -->\n${header}\n\n${table}\n<!-- /latest -->`;
    writeFileSync(readme, text.replace(/<!-- latest -->[\s\S]*<!-- \/latest -->/, block));
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
