import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { BridgeAgent } from './agent.js';
import { FillProfile } from './fill-profile.js';
import { createTypist } from './typist.js';

// The desktop bridge on a window PC:
//   HALL_BRIDGE_TOKEN=<device token> npx tsx drivers/desktop-bridge/main.ts --server http://hall:8080 --profile fill-profile.json
// The token comes from the environment (or --token-file), never the command line, where any user could read it.

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function main(): void {
  const { values } = parseArgs({
    options: { server: { type: 'string' }, profile: { type: 'string' }, 'token-file': { type: 'string' }, window: { type: 'string' } },
  });
  if (!values.server || !values.profile) {
    fail('usage: HALL_BRIDGE_TOKEN=... desktop-bridge --server http://hall:8080 --profile fill-profile.json [--token-file path] [--window N]');
  }
  const token = (values['token-file'] ? readFileSync(values['token-file'], 'utf8') : process.env.HALL_BRIDGE_TOKEN ?? '').trim();
  if (!token) fail('No bridge token: set HALL_BRIDGE_TOKEN or pass --token-file (pair this PC as the window\'s bridge in the admin screen).');

  let profile: FillProfile;
  try {
    const parsed = FillProfile.safeParse(JSON.parse(readFileSync(values.profile, 'utf8')));
    if (!parsed.success) fail(`Fill profile ${values.profile}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    profile = parsed.data;
  } catch (err) {
    fail(`Fill profile ${values.profile} cannot be read: ${(err as Error).message}`);
  }

  const log = pino({ level: process.env.HALL_LOG_LEVEL ?? 'info' });
  const windowId = values.window ? Number.parseInt(values.window, 10) : undefined;
  const agent = new BridgeAgent({ server: values.server, token, profile, windowId, typist: createTypist({ log }), log });
  agent.start();
  const stop = () => void agent.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
