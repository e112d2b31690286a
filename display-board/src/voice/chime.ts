/** Two notes of a bell (E5, then C5), made on the spot: no sound file to ship, and it is the same on every board. */
const notes = [
  { frequency: 659.25, start: 0 },
  { frequency: 523.25, start: 0.5 },
];
const ringSeconds = 1.1;

export function playChime(context: AudioContext): Promise<void> {
  const t0 = context.currentTime + 0.05;
  for (const note of notes) {
    // A fundamental with a soft octave above it reads as a bell rather than a beep.
    for (const [multiple, level] of [[1, 0.35], [2, 0.08], [3, 0.04]] as const) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'sine';
      osc.frequency.value = note.frequency * multiple;
      const start = t0 + note.start;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(level, start + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + ringSeconds);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(start + ringSeconds + 0.05);
    }
  }
  const total = notes[notes.length - 1].start + ringSeconds;
  return new Promise((resolve) => setTimeout(resolve, total * 1000 + 100));
}
