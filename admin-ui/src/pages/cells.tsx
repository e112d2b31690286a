/** Small table cells shared by the config pages. State is written out, never shown by colour alone. */
export function activeCell(active: boolean) {
  return active ? <span class="state state-on">启用 Active</span> : <span class="state state-off">停用 Inactive</span>;
}

export function yesNo(v: boolean) {
  return v ? '是 Yes' : '否 No';
}
