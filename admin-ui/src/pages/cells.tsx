import { Bi } from '../lib/bi.js';

/** Small table cells shared by the config pages. State is written out, never shown by colour alone. */
export function activeCell(active: boolean) {
  return active ? <span class="state state-on">启用 Active</span> : <span class="state state-off">停用 Inactive</span>;
}

/** Chinese over English, each on one line, so a narrow column (1366x768) never breaks a word in two. */
export function yesNo(v: boolean) {
  return <span class="nowrap">{v ? <Bi zh="是" en="Yes" /> : <Bi zh="否" en="No" />}</span>;
}
