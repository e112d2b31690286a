import { ConfigError, ignoredTimeZoneWarning, loadConfig } from './config.js';
import { createHall, type Hall } from './hall.js';
import { DatabaseInUseError } from './store/instance-lock.js';

/** `npm start`: the hall on its embedded SQLite database, with the demo hall on first start. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) refuse(err.message);
    throw err;
  }
  let hall: Hall;
  try {
    hall = await createHall(config);
  } catch (err) {
    if (err instanceof DatabaseInUseError) refuse(err.message);
    throw err;
  }
  // Before the hall says it is listening: whoever started it may stop it as soon as it has read that line.
  const stop = async () => {
    await hall.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const timeZoneWarning = ignoredTimeZoneWarning(config, hall.ctx.runner.state.settings.timeZone);
  if (timeZoneWarning) hall.ctx.log.warn({ configured: config.timeZone, hallTimeZone: hall.ctx.runner.state.settings.timeZone }, timeZoneWarning);
  let url: string;
  try {
    url = await hall.listen();
  } catch (err) {
    // Another program (another hall, on another database) has the port: this hall's own simulated devices are
    // stopped again, so no socat is left behind.
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    await hall.close();
    refuse(`端口 ${config.port} 已被其他程序占用，大厅服务未启动（HALL_PORT）。\nPort ${config.port} is in use by another program; the hall server did not start (HALL_PORT).`);
  }
  const lines = [`Hall server listening on ${url}  (API docs: ${url}/docs)`];
  if (hall.seed) {
    lines.push('Demo hall created. 演示大厅已创建。');
    if (hall.seed.adminPassword) lines.push(`  Password for admin, S01 and staff 1001-1012 (shown once): ${hall.seed.adminPassword}`);
    for (const d of hall.seed.devices) lines.push(`  ${d.role} screen: ${url}/${d.role}/?token=${d.token}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** A start refused before the hall serves anyone: the reason on stderr, and status 2 for whoever started it. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

void main();
