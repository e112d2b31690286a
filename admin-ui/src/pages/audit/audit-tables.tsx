import type { AccessEntry, StoredEvent } from '../../../../protocol/audit-log.js';
import { describeAccess, describeAccessActor, describeActor, describeEvent, type Lookups } from '../../../../protocol/audit-sentences.js';
import type { Text } from '../../../../protocol/i18n.js';
import { Bi, BiText } from '../../lib/bi.js';
import { formatTime } from '../../lib/time.js';

interface TableProps<T> { rows: T[]; lookups: Lookups; timeZone: string }

/** A name reads the same in both languages: shown once. */
const Words = ({ text }: { text: Text }) => (text.zh === text.en ? <span>{text.zh}</span> : <BiText text={text} />);

const Empty = ({ columns }: { columns: number }) => (
  <tr><td colSpan={columns} class="audit-empty" data-testid="audit-empty"><Bi zh="所选日期和条件下没有记录" en="Nothing recorded for these days and filters" /></td></tr>
);

/** 业务操作: every queue and config change, Chinese over English. */
export function OperationsTable({ rows, lookups, timeZone }: TableProps<StoredEvent>) {
  return (
    <table class="table" data-testid="audit-table">
      <thead><tr><th>#</th><th><Bi zh="时间" en="When" /></th><th class="nowrap"><Bi zh="操作人" en="Who" /></th><th><Bi zh="内容" en="What" /></th></tr></thead>
      <tbody>
        {rows.length === 0 && <Empty columns={4} />}
        {rows.map((e) => (
          <tr key={e.seq} data-testid={`audit-${e.seq}`} data-type={e.type}>
            <td class="num muted">{e.seq}</td>
            <td class="nowrap">{formatTime(e.at, timeZone, true)}</td>
            <td class="nowrap"><BiText text={describeActor(e.actor, lookups)} /></td>
            <td><BiText text={describeEvent(e, lookups)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 登录与设备: sign-ins, sign-outs and devices; a failed sign-in or pairing stands out in red with a tag that says so. */
export function AccessTable({ rows, lookups, timeZone }: TableProps<AccessEntry>) {
  return (
    <table class="table" data-testid="audit-access-table">
      <thead><tr><th><Bi zh="时间" en="When" /></th><th class="nowrap"><Bi zh="操作人" en="Who" /></th><th><Bi zh="内容" en="What" /></th><th><Bi zh="来源地址" en="Address" /></th></tr></thead>
      <tbody>
        {rows.length === 0 && <Empty columns={4} />}
        {rows.map((entry) => {
          const failed = entry.action === 'signInFailed' || entry.action === 'pairingFailed';
          return (
            <tr key={entry.id} class={failed ? 'audit-failed' : ''} data-testid={`audit-access-${entry.id}`} data-action={entry.action}>
              <td class="nowrap">{formatTime(entry.at, timeZone, true)}</td>
              <td class="nowrap"><Words text={describeAccessActor(entry, lookups)} /></td>
              <td>
                <span class="audit-what">
                  {failed && <span class="state state-red"><Bi zh="失败" en="Failed" inline /></span>}
                  <BiText text={describeAccess(entry, lookups)} />
                </span>
              </td>
              <td class="nowrap num">{entry.address ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
