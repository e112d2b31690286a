/**
 * How a phone gets the visitor's attention: a short two-tone sound (Web Audio, no file to fetch), vibration, and a
 * system notification where the visitor allowed it. Browsers let sound start only after a tap, so enable() is
 * called from the "turn on alerts" button; until then vibration and the on-page banner still work.
 */
export class VisitAlerts {
  private audio: AudioContext | null = null;

  get notificationPermission(): NotificationPermission | 'unsupported' {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  /** From a tap: unlock sound and ask for notifications. Returns whether notifications may be shown. */
  async enable(): Promise<boolean> {
    this.unlockAudio();
    if (typeof Notification === 'undefined') return false;
    if (Notification.permission === 'default') {
      try {
        await Notification.requestPermission();
      } catch {
        return false;
      }
    }
    return Notification.permission === 'granted';
  }

  ring(urgent: boolean, title: string, body: string): void {
    navigator.vibrate?.(urgent ? [400, 150, 400, 150, 400] : [300, 120, 300]);
    this.beep(urgent);
    this.notify(title, body);
  }

  private unlockAudio(): void {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    this.audio ??= new Ctor();
    void this.audio.resume().catch(() => undefined);
  }

  private beep(urgent: boolean): void {
    const ctx = this.audio;
    if (!ctx || ctx.state !== 'running') return;
    const tones = urgent ? [880, 660, 880, 660] : [660, 880];
    tones.forEach((freq, i) => {
      const at = ctx.currentTime + i * 0.22;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.21);
    });
  }

  private notify(title: string, body: string): void {
    if (this.notificationPermission !== 'granted') return;
    try {
      new Notification(title, { body, tag: 'hall-visit', requireInteraction: false });
    } catch {
      // Android Chrome shows notifications only through a service worker; the banner, sound and vibration remain.
    }
  }
}
