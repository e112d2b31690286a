import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { isSimulating } from '../../server/devices/device-config.js';

const devices = (d: unknown) => loadConfig({}, { devices: d }).devices;
const refusal = (d: unknown) => {
  try {
    devices(d);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('the configuration was accepted');
};

describe('the devices section of the hall configuration', () => {
  it('simulates the kit when no hardware is configured, and not once a kiosk or a sign line is', () => {
    expect(isSimulating(devices(undefined))).toBe(true);
    expect(isSimulating(devices({ kiosks: [{ deviceId: 1, printer: { tcp: '10.0.0.21:9100' } }] }))).toBe(false);
    expect(isSimulating(devices({ ledLines: [{ path: '/dev/ttyUSB1', framer: 'alpha-sign' }] }))).toBe(false);
    expect(isSimulating(devices({ simulate: true, ledLines: [{ path: '/dev/ttyUSB1', framer: 'alpha-sign' }] }))).toBe(true);
  });

  it('fills in the usual settings of readers, printers and sign lines', () => {
    const d = devices({
      kiosks: [{ deviceId: 3, reader: { path: '/dev/ttyUSB0' }, printer: { serial: '/dev/ttyS1' } }],
      ledLines: [{ path: '/dev/ttyUSB1', framer: 'onbon-bx5k' }],
      bridges: [{ windowId: 8 }],
    });
    expect(d.kiosks[0]).toMatchObject({ reader: { baudRate: 115200, pollMs: 1000 }, printer: { baudRate: 9600 }, paperWidth: 80 });
    expect(d.ledLines[0]).toMatchObject({ baudRate: 9600 });
    expect(d.bridges[0]).toEqual({ windowId: 8, fillOnStart: true });
  });

  it('stops the start with a message that names the bad key', () => {
    expect(refusal({ ledLines: [{ path: '/dev/ttyUSB1', framer: 'bx-6k' }] })).toContain('devices.ledLines.0.framer');
    expect(refusal({ kiosks: [{ deviceId: 1, paperWidth: 76 }] })).toContain('devices.kiosks.0.paperWidth');
    expect(refusal({ kiosks: [{ deviceId: 1, printer: { tcp: 'printer' } }] })).toContain('devices.kiosks.0.printer');
    expect(refusal({ kiosks: [{ deviceId: 1 }, { deviceId: 1 }] })).toContain('devices.kiosks: a kiosk deviceId is listed twice');
    expect(refusal({ kiosk: [] })).toContain('devices');
  });
});
