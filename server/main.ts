import { ConfigError, loadConfig } from './config.js';
import { createHall } from './hall.js';

/** `npm start`: the hall on its embedded SQLite database, with the demo hall on first start. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const hall = await createHall(config);
  const url = await hall.listen();
  const lines = [`Hall server listening on ${url}  (API docs: ${url}/docs)`];
  if (hall.seed) {
    lines.push('Demo hall created. 演示大厅已创建。');
    if (hall.seed.adminPassword) lines.push(`  Password for admin, S01 and staff 1001-1012 (shown once): ${hall.seed.adminPassword}`);
    for (const d of hall.seed.devices) lines.push(`  ${d.role} screen: ${url}/${d.role}/?token=${d.token}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  const stop = async () => {
    await hall.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
