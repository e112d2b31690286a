import type { AppointmentListEntry, AppointmentSlotList, ServiceAppointmentList } from '../../../../protocol/appointments.js';
import { Bi } from '../../lib/bi.js';
import { formatDeadline } from '../../lib/time.js';
import { statusNames } from './appointment-words.js';

export interface CancelAsked { service: ServiceAppointmentList; slot: AppointmentSlotList; entry: AppointmentListEntry }

const slotTestId = (serviceId: number, start: string) => `appt-slot-${serviceId}-${start.replace(':', '')}`;

/** Full, partly booked, empty or over: the chip's look, so a glance over the day finds the busy and the full slots. */
function slotClass(slot: AppointmentSlotList): string {
  if (slot.passed) return 'appt-slot appt-slot-passed';
  if (slot.taken >= slot.capacity) return 'appt-slot appt-slot-full';
  return slot.taken > 0 ? 'appt-slot appt-slot-some' : 'appt-slot';
}

function StatusCell({ entry, slot }: { entry: AppointmentListEntry; slot: AppointmentSlotList }) {
  const name = statusNames[entry.status];
  return (
    <td class="nowrap" data-testid={`appt-status-${entry.id}`}>
      <span class={`state appt-state-${entry.status}`}><Bi zh={name.zh} en={name.en} inline /></span>
      {entry.ticketNumber && <span class="appt-ticket">{entry.ticketNumber}</span>}
      {entry.status === 'booked' && slot.passed && <span class="muted appt-over"><Bi zh="时段已过" en="slot over" inline /></span>}
    </td>
  );
}

/**
 * One service's day: its slots as chips (places taken of the capacity), then the bookings slot by slot, each with a
 * 取消预约 button while it may still be cancelled.
 */
export function ServiceBookings({ service, timeZone, onCancel }: { service: ServiceAppointmentList; timeZone: string; onCancel: (asked: CancelAsked) => void }) {
  const taken = service.slots.reduce((n, s) => n + s.taken, 0);
  const capacity = service.slots.reduce((n, s) => n + s.capacity, 0);
  const booked = service.slots.filter((s) => s.bookings.length > 0);
  return (
    <section class="panel appt-service" data-testid={`appt-service-${service.serviceId}`}>
      <header class="panel-head">
        <h3 class="appt-service-name">
          <span class="prefix">{service.prefix}</span>
          <Bi zh={service.serviceName.zh} en={service.serviceName.en} inline />
          <span class="muted">{service.areaName.zh}</span>
        </h3>
        {service.closed === 'holiday' && <span class="state state-yellow"><Bi zh="节假日闭厅" en="Public holiday" inline /></span>}
        <span class="appt-places" data-testid={`appt-places-${service.serviceId}`}>
          <Bi zh={`已约 ${taken} / ${capacity} 个名额`} en={`${taken} of ${capacity} places taken`} inline />
        </span>
      </header>
      {service.slots.length > 0 && (
        <ul class="appt-slots" aria-label="时段 Slots">
          {service.slots.map((slot) => (
            <li key={slot.start} class={slotClass(slot)} data-testid={slotTestId(service.serviceId, slot.start)}
              title={`${slot.start}–${slot.end} 已约 ${slot.taken} / ${slot.capacity} taken`}>
              <span class="appt-slot-time">{slot.start}</span>
              <span class="appt-slot-count">{slot.taken}/{slot.capacity}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="table-scroll">
        <table class="table appt-table" data-testid={`appt-table-${service.serviceId}`}>
          <thead>
            <tr>
              <th><Bi zh="时段" en="Slot" /></th><th><Bi zh="姓名" en="Name" /></th><th><Bi zh="证件号码" en="ID number" /></th>
              <th><Bi zh="状态" en="Status" /></th><th><Bi zh="预约时间" en="Booked at" /></th><th><Bi zh="操作" en="Action" /></th>
            </tr>
          </thead>
          <tbody>
            {booked.flatMap((slot) => slot.bookings.map((entry, i) => (
              <tr key={entry.id} data-testid={`appt-row-${entry.id}`} class={i === 0 ? 'appt-slot-first' : ''}>
                {i === 0 && <td rowSpan={slot.bookings.length} class="nowrap appt-slot-cell">{slot.start}–{slot.end}</td>}
                <td class="nowrap">{entry.person.nameMasked || '—'}</td>
                <td class="nowrap appt-id">{entry.person.idMasked || '—'}</td>
                <StatusCell entry={entry} slot={slot} />
                <td class="nowrap">{formatDeadline(entry.bookedAt, timeZone)}</td>
                <td>
                  {entry.cancellable && (
                    <button type="button" class="btn btn-small btn-danger" data-testid={`appt-cancel-${entry.id}`} onClick={() => onCancel({ service, slot, entry })}>
                      <Bi zh="取消预约" en="Cancel" inline />
                    </button>
                  )}
                </td>
              </tr>
            )))}
            {booked.length === 0 && <tr><td colSpan={6} class="muted"><Bi zh="当日暂无预约" en="No bookings on this day" inline /></td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
