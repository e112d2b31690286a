/** HH:MM on a 24-hour clock. A text field, because the browser's time picker follows the PC's locale and may show AM/PM. */
export function TimeInput({ value, onChange, testid, label }: { value: string; onChange: (v: string) => void; testid?: string; label: string }) {
  return (
    <input type="text" class="time" inputMode="numeric" required pattern="([01][0-9]|2[0-3]):[0-5][0-9]" maxLength={5} placeholder="09:00"
      aria-label={label} data-testid={testid} value={value} onInput={(e) => onChange(e.currentTarget.value)} />
  );
}
