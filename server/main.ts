import { createServer } from 'node:net';
import { ConfigError, ignoredTimeZoneWarning, loadConfig, type Config } from './config.js';
import { createHall, type Hall } from './hall.js';
import { DatabaseInUseError, tryLockDatabase } from './store/instance-lock.js';

/** `npm start`: the hall on its embedded SQLite database, with the demo hall on first start. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) refuse(err.message);
    throw err;
  }
  // Both refusals before anything is written: a first start on a busy port must not seed the demo hall and lose
  // its one-time password with the refusal.
  const free = tryLockDatabase(config.databasePath);
  if (!free) refuse(new DatabaseInUseError(config.databasePath).message);
  free.release();
  if (!(await portIsFree(config))) refuse(portInUse(config.port));
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
    // Taken since the check above: this hall's own simulated devices are stopped again, so no socat is left
    // behind, and a demo hall just created still shows its password.
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    await hall.close();
    if (hall.seed) process.stdout.write(seedLines(hall, `http://localhost:${config.port}`).join('\n') + '\n');
    refuse(portInUse(config.port));
  }
  process.stdout.write([`Hall server listening on ${url}  (API docs: ${url}/docs)`, ...seedLines(hall, url)].join('\n') + '\n');
}

function seedLines(hall: Hall, url: string): string[] {
  if (!hall.seed) return [];
  const lines = ['Demo hall created. 演示大厅已创建。'];
  if (hall.seed.adminPassword) lines.push(`  Password for admin, S01 and staff 1001-1012 (shown once): ${hall.seed.adminPassword}`);
  for (const d of hall.seed.devices) lines.push(`  ${d.role} screen: ${url}/${d.role}/?token=${d.token}`);
  return lines;
}

function portInUse(port: number): string {
  return `端口 ${port} 已被其他程序占用，大厅服务未启动（HALL_PORT）。\nPort ${port} is in use by another program; the hall server did not start (HALL_PORT).`;
}

/** Whether the hall could listen where it is configured to: tried with a plain server, closed again at once. */
function portIsFree(config: Config): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code !== 'EADDRINUSE'));
    probe.listen({ host: config.host, port: config.port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A start refused before the hall serves anyone: the reason on stderr, and status 2 for whoever started it. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

void main();
