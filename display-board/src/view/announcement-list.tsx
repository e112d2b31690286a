import type { AnnouncementRecord } from '../voice/announcer.js';

/**
 * The announcement queue as data: hidden from view (the calls are on screen already), but there for maintenance
 * and tests to see what was queued, what played and with which voice.
 */
export function AnnouncementList({ records }: { records: AnnouncementRecord[] }) {
  return (
    <ol class="visually-hidden" data-testid="board-announcements" aria-hidden="true">
      {records.map((r) => (
        <li key={r.id} data-kind={r.kind} data-status={r.status} data-form={r.form} data-source={r.source ?? ''}>{r.text}</li>
      ))}
    </ol>
  );
}
