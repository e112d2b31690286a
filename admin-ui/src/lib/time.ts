/** Times on the hall's clock, whatever the browser's time zone: audit times are read against the hall's day. */
export function formatTime(ms: number, timeZone = 'Asia/Shanghai', withDate = false): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone, hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit',
    ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
  }).format(ms);
}

/** A deadline in a narrow table: days and weeks ahead, so month/day and minutes say enough (11/28 17:00). */
export function formatDeadline(ms: number, timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms);
}
