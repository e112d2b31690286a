import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { listBackups } from './backup-files.js';
import { restoreDatabase, RestoreError, type RestoreReport } from './restore-database.js';

/**
 * `npm run restore -- <backup-file> [--db <path>]`: puts a backup in place of the hall's database. Stop the hall
 * server first; the restore refuses while anything holds the database. Without a file it lists the backups.
 * The database path and backup folder come from the same config as the server's (HALL_CONFIG, HALL_DB ...).
 */
function main(argv: string[]): number {
  const dbFlag = argv.indexOf('--db');
  const dbArg = dbFlag >= 0 ? argv[dbFlag + 1] : undefined;
  if (dbFlag >= 0 && !dbArg) return usage('--db 后须给出路径 --db needs a path');
  const positional = argv.filter((a, i) => !a.startsWith('--') && (dbFlag < 0 || i !== dbFlag + 1));
  if (positional.length > 1) return usage('一次只能恢复一个备份文件 One backup file at a time');

  // With --db and a file nothing else is needed, so a broken config file does not stand in the way of a restore.
  let config: Config | null = null;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (!dbArg || positional.length === 0) {
      process.stderr.write(`大厅配置有误 The hall configuration has a problem:\n${err.message}\n`);
      return 2;
    }
  }
  const dbPath = resolve(dbArg ?? config!.databasePath);
  if (positional.length === 0) {
    const dir = resolve(config!.backup.dir ?? join(dirname(dbPath), 'backups'));
    const found = listBackups(dir, dbPath);
    process.stdout.write(found.length === 0 ? `没有备份 No backups in ${dir}\n` : `备份（最早的在前） Backups in ${dir} (oldest first):\n`);
    for (const b of found) process.stdout.write(`  ${b.path}  ${new Date(b.takenAt).toISOString()}  ${(b.bytes / 1024).toFixed(0)} KiB\n`);
    process.stdout.write(`${usageText}\n`);
    return 0;
  }

  try {
    const report = restoreDatabase(resolve(positional[0]), dbPath);
    process.stdout.write([
      `已恢复 Restored ${positional[0]} -> ${report.restored}`,
      `  事件至第 ${report.lastSeq} 条，号码 ${report.tickets} 个，最后营业日 ${report.lastHallDay ?? '-'}`
        + ` Events up to seq ${report.lastSeq}, ${report.tickets} tickets, last hall day ${report.lastHallDay ?? '-'}`,
      ...lastNumbersLines(report),
      report.previousKeptAs ? `  原数据库保留为 The database it replaced is kept as ${report.previousKeptAs}` : '  此前没有数据库 There was no database before',
      '  请重新启动大厅服务。 Start the hall server again.',
    ].join('\n') + '\n');
    return 0;
  } catch (err) {
    if (err instanceof RestoreError) {
      process.stderr.write(`${err.zh}\n${err.en}\n`);
      return 1;
    }
    throw err;
  }
}

/**
 * Numbers after the backup's last ones are given out again. If the backup is from today, staff need to know from
 * which number on two visitors may hold the same one.
 */
function lastNumbersLines(report: RestoreReport): string[] {
  if (report.lastNumbers.length === 0) return [];
  return [
    `  备份中 ${report.lastHallDay} 各号段最后的号 Last number of each series on ${report.lastHallDay} in the backup: ${report.lastNumbers.join(' ')}`,
    '  若该日是今天，其后的号可能已经发出，恢复后会再次发出。 If that day is today, numbers after these may already have been given out; the hall gives them out again.',
  ];
}

const usageText = '用法 Usage: npm run restore -- <备份文件 backup-file> [--db <数据库路径 database path>]   （请先停止大厅服务 stop the hall server first）';

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${usageText}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
