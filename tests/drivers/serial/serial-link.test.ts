import { once } from 'node:events';
import { mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino, type Logger } from 'pino';
import { SerialLink } from '../../../drivers/serial/serial-link.js';
import { SerialLinkError } from '../../../drivers/serial/serial-errors.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';

const within = (ms: number) => ({ signal: AbortSignal.timeout(ms) });

describe('SerialLink', () => {
  let pair: PtyPair | null = null;
  const links: SerialLink[] = [];

  afterEach(async () => {
    await Promise.all(links.splice(0).map((link) => link.stop()));
    await pair?.close();
    pair = null;
  });

  function link(path: string, log?: Logger): SerialLink {
    const created = new SerialLink({ path, baudRate: 115200, reconnectMinMs: 20, reconnectMaxMs: 200, pathCheckMs: 200 }, log);
    links.push(created);
    return created;
  }

  /**
   * The link's next open. Not events.once, which would also reject on the errors the link reports on the way there
   * (open failures while a device is gone, the loss itself).
   */
  function nextOpen(created: SerialLink, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reopen within ${ms / 1000} s`)), ms);
      created.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async function started(created: SerialLink): Promise<SerialLink> {
    const opened = once(created, 'open', within(2_000));
    created.start();
    await opened;
    return created;
  }

  it('carries bytes both ways between the two ends of a pty pair', async () => {
    pair = await openPtyPair();
    const host = await started(link(pair.hostPath));
    const device = await started(link(pair.devicePath));

    const atDevice = once(device, 'data', within(2_000));
    await host.write(Buffer.from([0xaa, 0x01]));
    expect(Buffer.concat((await atDevice) as Buffer[])).toEqual(Buffer.from([0xaa, 0x01]));

    const atHost = once(host, 'data', within(2_000));
    await device.write(Buffer.from('reply'));
    expect(((await atHost)[0] as Buffer).toString()).toBe('reply');
  });

  it('rejects a write with a typed error while the port is not open', async () => {
    const unopened = link('/nonexistent/serial-port');
    const failure = await unopened.write(Buffer.from([1])).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(SerialLinkError);
    expect(failure).toMatchObject({ code: 'SERIAL_NOT_OPEN', text: { zh: '串口未打开' } });
  });

  it('comes back by itself after the cable is unplugged, logging the repeated failure once', async () => {
    pair = await openPtyPair();
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const host = await started(link(pair.hostPath, log));
    let opens = 0;
    host.on('open', () => opens++);

    // Listen before the restart: the link may reopen the fresh pty before restart() has seen it appear.
    const reopened = nextOpen(host, 8_000);
    await pair.restart(600); // several retries fail with ENOENT meanwhile
    await reopened;
    expect(opens).toBe(1);
    const openFailures = lines.filter((line) => line.includes('SERIAL_OPEN_FAILED'));
    expect(openFailures).toHaveLength(1);

    const device = await started(link(pair.devicePath));
    const atDevice = once(device, 'data', within(2_000));
    await host.write(Buffer.from('again'));
    expect(((await atDevice)[0] as Buffer).toString()).toBe('again');
  });

  it('opens the new device when its path comes to name another (an adapter plugged back, its by-id link moved)', async () => {
    pair = await openPtyPair();
    const other = await openPtyPair();
    const dir = await mkdtemp(join(tmpdir(), 'serial-by-id-'));
    try {
      // As udev's /dev/serial/by-id names an adapter: a link the hall is configured with, to the node of the day.
      const byId = join(dir, 'usb-id-reader');
      await symlink(pair.hostPath, byId);
      const host = await started(link(byId));
      const reopened = nextOpen(host, 4_000);
      // The first device stays alive and silent: no hangup, no error, nothing on the old port says it is gone.
      await symlink(other.hostPath, join(dir, 'next'));
      await rename(join(dir, 'next'), byId);
      await reopened;

      const device = await started(link(other.devicePath));
      const atHost = once(host, 'data', within(2_000));
      await device.write(Buffer.from('moved'));
      expect(((await atHost)[0] as Buffer).toString()).toBe('moved');
    } finally {
      await Promise.all(links.splice(0).map((l) => l.stop()));
      await other.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('closes and opens again when the driver asks for a reopen', async () => {
    pair = await openPtyPair();
    const host = await started(link(pair.hostPath));
    const events: string[] = [];
    host.on('close', () => events.push('close'));
    host.on('open', () => events.push('open'));

    const reopened = once(host, 'open', within(2_000));
    host.reopen('no reply');
    expect(host.isOpen).toBe(false);
    await reopened;
    expect(events).toEqual(['close', 'open']);
    expect(host.isOpen).toBe(true);
  });

  it('stays closed after stop even when the device is present', async () => {
    pair = await openPtyPair();
    const host = await started(link(pair.hostPath));
    let reopened = false;
    host.on('open', () => (reopened = true));
    await host.stop();
    host.reopen('ignored after stop');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(host.isOpen).toBe(false);
    expect(reopened).toBe(false);
  });
});
