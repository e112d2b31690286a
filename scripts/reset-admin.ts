import { ConfigError, loadConfig } from '../server/config.js';
import { recoverAdmin, RecoveryError } from '../server/auth/admin-recovery.js';

/**
 * `npx tsx scripts/reset-admin.ts [staff number]` on the server machine, with the hall server stopped: the account
 * (default `admin`) becomes an active admin again with a new password, HALL_ADMIN_PASSWORD if set, else one
 * generated and shown once. The database comes from the same config as the server's (HALL_CONFIG, HALL_DB ...).
 */
async function main(argv: string[]): Promise<number> {
  if (argv.length > 1 || argv[0]?.startsWith('-')) {
    process.stderr.write('Usage: npx tsx scripts/reset-admin.ts [staff number, default admin]   (stop the hall server first)\n');
    return 2;
  }
  const staffNumber = argv[0] ?? 'admin';
  try {
    const report = await recoverAdmin(loadConfig(), staffNumber);
    process.stdout.write([
      `${report.created ? '已新建' : '已重新启用'}管理员账号 ${staffNumber}。 ${staffNumber} is an active admin account${report.created ? ' (new)' : ' again'}.`,
      report.generated
        ? `  新密码（只显示这一次）New password (shown once): ${report.password}`
        : '  密码为 HALL_ADMIN_PASSWORD 的值。 The password is the value of HALL_ADMIN_PASSWORD.',
      '  请启动大厅服务后登录并修改密码。 Start the hall server, log in and change the password.',
    ].join('\n') + '\n');
    return 0;
  } catch (err) {
    if (err instanceof RecoveryError || err instanceof ConfigError) {
      process.stderr.write(err instanceof RecoveryError ? `${err.zh}\n${err.en}\n` : `${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
