import type { HallAlert } from '../../protocol/device-messages.js';
import type { Follow, ServerMessage } from '../../protocol/realtime.js';
import type { Caller } from '../operations/caller.js';

/** The hub's notify(): the device layer gets it as a function, so it never holds the hub itself. */
export type Push = (to: (caller: Caller, follow: Follow | null) => boolean, message: ServerMessage) => number;

/** Who hears what from the hall's hardware. */
export class Notifier {
  constructor(private readonly push: Push, private readonly clock: () => number) {}

  /** The screens of one paired kiosk (card read, printer condition). */
  toKiosk(deviceId: number, message: ServerMessage): number {
    return this.push((c) => c.kind === 'device' && c.deviceId === deviceId, message);
  }

  /** The desktop bridges paired to one window. */
  toBridges(windowId: number, message: ServerMessage): number {
    return this.push((c) => c.kind === 'device' && c.roles.includes('bridge') && c.windowId === windowId, message);
  }

  /** Pads and staff screens following one window (a bridge follows its window too, but is no screen). */
  toWindowScreens(windowId: number, message: ServerMessage): number {
    return this.push((c, f) => !c.roles.includes('bridge') && f?.scope === 'window' && f.windowId === windowId, message);
  }

  /** Supervisors and admins (the admin role includes the supervisor role). */
  alert(code: string, message: HallAlert['message'], deviceId: number | null): number {
    const alert: HallAlert = { code, message, deviceId, at: this.clock() };
    return this.push((c) => c.kind === 'staff' && c.roles.includes('supervisor'), { type: 'alert', alert });
  }
}
