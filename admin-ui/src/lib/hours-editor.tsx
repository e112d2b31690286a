import type { WeekHours } from '../../../protocol/config-entities.js';
import { Bi } from './bi.js';
import { TimeInput } from './time-input.js';

const dayNames = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * Opening days and sessions. Halls close at noon, so a day is usually two sessions (09:00-12:00, 13:30-17:00); the
 * gap between sessions is the lunch break, and a hall with 午休值班 simply runs one session through.
 */
export function HoursEditor({ value, onChange, testid }: { value: WeekHours; onChange: (v: WeekHours) => void; testid: string }) {
  const toggleDay = (d: number) => {
    const days = value.days.includes(d) ? value.days.filter((x) => x !== d) : [...value.days, d].sort();
    onChange({ ...value, days });
  };
  const setSession = (i: number, key: 'start' | 'end', v: string) =>
    onChange({ ...value, sessions: value.sessions.map((s, j) => (j === i ? { ...s, [key]: v } : s)) });
  const last = value.sessions[value.sessions.length - 1];
  return (
    <div class="hours" data-testid={testid}>
      <div class="hours-days" role="group" aria-label="开放日 Opening days">
        {dayNames.map((n, i) => (
          <label key={n} class={`day ${value.days.includes(i + 1) ? 'day-on' : ''}`}>
            <input type="checkbox" checked={value.days.includes(i + 1)} onChange={() => toggleDay(i + 1)} />周{n}
          </label>
        ))}
      </div>
      <ol class="sessions">
        {value.sessions.map((s, i) => (
          <li key={i} class="session">
            <Bi zh={`时段 ${i + 1}`} en={`Session ${i + 1}`} inline />
            <TimeInput label="开始 Start" value={s.start} testid={`${testid}-start-${i}`} onChange={(v) => setSession(i, 'start', v)} />
            <span>—</span>
            <TimeInput label="结束 End" value={s.end} testid={`${testid}-end-${i}`} onChange={(v) => setSession(i, 'end', v)} />
            {value.sessions.length > 1 && (
              <button type="button" class="btn btn-small" onClick={() => onChange({ ...value, sessions: value.sessions.filter((_, j) => j !== i) })}>
                <Bi zh="删除" en="Remove" inline />
              </button>
            )}
          </li>
        ))}
      </ol>
      <p class="muted">结束时间 00:00 表示营业至午夜 · An end of 00:00 means open until midnight</p>
      {value.sessions.length < 6 && (
        <button type="button" class="btn btn-small" data-testid={`${testid}-add`}
          onClick={() => onChange({ ...value, sessions: [...value.sessions, { start: last?.end ?? '13:30', end: '17:00' }] })}>
          <Bi zh="增加时段（两段之间为午休）" en="Add a session (the gap is the lunch break)" inline />
        </button>
      )}
    </div>
  );
}

export const officeHours: WeekHours = { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }] };
