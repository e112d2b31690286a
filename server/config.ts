import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { isTimeZone } from '../protocol/config-entities.js';
import { DevicesConfig } from './devices/device-config.js';

const hexKeyPattern = /^[0-9a-f]{64}$/i;
const hexKey = z.string().regex(hexKeyPattern, '64 hex digits (32 bytes)');

/**
 * The one config schema. Values come from a JSON file (HALL_CONFIG, default ./hall.config.json when present) and
 * are overridden by environment variables; a bad value stops the start with a message naming the key.
 */
export const ConfigSchema = z.object({
  host: z.string().min(1).default('0.0.0.0'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The address phones reach the hall at, printed in ticket QR codes. Defaults to this server's own address. */
  publicUrl: z.string().url().optional(),
  databasePath: z.string().min(1).default('./data/hall.db'),
  /** FULL: an acknowledged ticket survives power loss. NORMAL: faster, may lose the last moments on power loss. */
  synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
  timeZone: z.string().default('Asia/Shanghai').refine(isTimeZone, 'not a known IANA time zone'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo hall when the database is empty. */
  seedDemo: z.boolean().default(true),
  /** Where generated secrets are kept when not given: never in the repository. */
  secretsPath: z.string().default('./data/secrets.json'),
  secrets: z.object({
    idHashKey: hexKey.optional(),
    vaultKey: hexKey.optional(),
  }).default({}),
  adminPassword: z.string().min(8).optional(),
  thresholds: z.object({
    yellowWaitMinutes: z.coerce.number().int().min(1).max(600).default(20),
    redWaitMinutes: z.coerce.number().int().min(1).max(600).default(40),
  }).default({}),
  /** Phones get at most one update per this many milliseconds. */
  phoneUpdateMs: z.coerce.number().int().min(100).max(60_000).default(1000),
  sessionHours: z.coerce.number().min(0.1).max(24 * 7).default(12),
  rateLimit: z.object({
    publicPerMinute: z.coerce.number().int().min(1).default(60),
  }).default({}),
  /** Failed logins allowed per staff number and per address within the window before logins answer 429. */
  loginThrottle: z.object({
    failuresPerStaff: z.coerce.number().int().min(1).default(10),
    failuresPerAddress: z.coerce.number().int().min(1).default(30),
    windowMinutes: z.coerce.number().min(1).max(24 * 60).default(15),
  }).default({}),
  /**
   * Origins besides the hall's own (and publicUrl's) whose pages may change things with a staff cookie or open the
   * WebSocket, e.g. an admin screen served through another host name of the same reverse proxy.
   */
  allowedOrigins: z.array(z.string().url()).default([]),
  /** What one WebSocket client may hold and send, so one broken or hostile screen cannot crowd out the rest. */
  websocket: z.object({
    maxConnections: z.coerce.number().int().min(1).default(10_000),
    /** Loopback (this machine, or a local reverse proxy that names no forwarded address) is not counted. */
    maxConnectionsPerAddress: z.coerce.number().int().min(1).default(200),
    messagesPerSecond: z.coerce.number().min(1).default(20),
    messageBurst: z.coerce.number().int().min(1).default(40),
    /** A client this far behind on reading is cut off; it reconnects and gets a fresh snapshot. */
    maxBufferedKiB: z.coerce.number().int().min(16).default(4096),
  }).default({}),
  /** How long visitors' personal data stay with their visits; older visits keep their figures and lose the person. */
  retention: z.object({
    visitDays: z.coerce.number().int().min(2).max(3650).default(180),
  }).default({}),
  /** Online copies of the database (SQLite backup API) on a schedule, the newest `keep` kept. */
  backup: z.object({
    /** Defaults to a "backups" folder beside the database. */
    dir: z.string().min(1).optional(),
    /** 0 turns scheduled backups off. */
    everyMinutes: z.coerce.number().min(0).max(7 * 24 * 60).default(60),
    keep: z.coerce.number().int().min(1).max(10_000).default(48),
  }).default({}),
  /** Kiosk card readers and printers, window sign lines, desktop bridges; see server/devices/README.md. */
  devices: DevicesConfig.default({}),
}).strict();

export type Config = z.infer<typeof ConfigSchema>;


const envKeys: Record<string, string[]> = {
  HALL_HOST: ['host'], HALL_PORT: ['port'], HALL_PUBLIC_URL: ['publicUrl'], HALL_DB: ['databasePath'],
  HALL_SYNCHRONOUS: ['synchronous'], HALL_TZ: ['timeZone'], HALL_LOG_LEVEL: ['logLevel'], HALL_SEED_DEMO: ['seedDemo'],
  HALL_SECRETS_PATH: ['secretsPath'], HALL_ID_HASH_KEY: ['secrets', 'idHashKey'], HALL_VAULT_KEY: ['secrets', 'vaultKey'],
  HALL_ADMIN_PASSWORD: ['adminPassword'], HALL_YELLOW_WAIT_MINUTES: ['thresholds', 'yellowWaitMinutes'],
  HALL_RED_WAIT_MINUTES: ['thresholds', 'redWaitMinutes'], HALL_PHONE_UPDATE_MS: ['phoneUpdateMs'],
  HALL_RETENTION_VISIT_DAYS: ['retention', 'visitDays'], HALL_BACKUP_DIR: ['backup', 'dir'],
  HALL_BACKUP_EVERY_MINUTES: ['backup', 'everyMinutes'], HALL_BACKUP_KEEP: ['backup', 'keep'],
};

export class ConfigError extends Error {}

function readConfigFile(env: NodeJS.ProcessEnv): { file: string | undefined; raw: Record<string, unknown> } {
  const file = env.HALL_CONFIG ?? (existsSync('./hall.config.json') ? './hall.config.json' : undefined);
  if (!file) return { file, raw: {} };
  try {
    return { file, raw: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
  } catch (err) {
    throw new ConfigError(`Config file ${file} cannot be read: ${(err as Error).message}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, unknown> = {}): Config {
  const { raw } = readConfigFile(env);
  for (const [name, path] of Object.entries(envKeys)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let node = raw;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = name === 'HALL_SEED_DEMO' ? value === 'true' || value === '1' : value;
  }
  const parsed = ConfigSchema.safeParse({ ...raw, ...overrides });
  if (!parsed.success) {
    // Named as the installer wrote it: the key, and the environment variable when that is where the value came from.
    const fromEnv = (path: (string | number)[]) => Object.entries(envKeys).find(([name, keys]) => keys.join('.') === path.join('.') && env[name])?.[0];
    const lines = parsed.error.issues.map((i) => {
      const name = fromEnv(i.path);
      return `  ${i.path.join('.') || '(root)'}${name ? ` (${name})` : ''}: ${i.message}`;
    });
    throw new ConfigError(`Invalid hall configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * The time zone is a hall setting: the config's value (HALL_TZ or timeZone in the file) seeds it on the first start,
 * and the admin changes it on the settings page afterwards. A value given at a later start that disagrees is not
 * used; the installer who set it is told so, rather than finding the hall's day, hours and number reset elsewhere.
 */
export function ignoredTimeZoneWarning(config: Config, hallTimeZone: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const { file, raw } = env.HALL_TZ ? { file: undefined, raw: {} } : readConfigFile(env);
  const source = env.HALL_TZ ? 'HALL_TZ' : raw.timeZone !== undefined ? `timeZone (${file})` : null;
  if (!source || config.timeZone === hallTimeZone) return null;
  return `${source} = ${config.timeZone} 未生效：大厅使用已保存的时区 ${hallTimeZone}，请在管理后台“大厅设置”中修改。`
    + ` ${source} = ${config.timeZone} is not used: the hall keeps its saved time zone ${hallTimeZone}; change it in the admin screen, Hall settings (/admin/#settings).`;
}
