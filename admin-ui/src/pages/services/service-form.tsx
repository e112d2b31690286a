import { nameLimits, type Area, type Service } from '../../../../protocol/config-entities.js';
import { Bi } from '../../lib/bi.js';
import type { FormProps } from '../../lib/crud-page.js';
import { CheckField, NumberField, SelectField, TextField, TextPair } from '../../lib/fields.js';
import { HoursEditor, officeHours } from '../../lib/hours-editor.js';
import { SlotQuotaEditor } from './slot-quota-editor.js';

export type ServiceInput = Omit<Service, 'id'>;

export function ServiceForm({ value, onChange, areas }: FormProps<ServiceInput, Service> & { areas: Area[] }) {
  const set = <K extends keyof ServiceInput>(k: K, v: ServiceInput[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <div class="form-row">
        <TextField zh="编码" en="Code" testid="service-code" value={value.code} onChange={(v) => set('code', v)} required pattern="[A-Za-z0-9_\-]{1,16}" />
        <TextField zh="票号前缀" en="Ticket prefix" testid="service-prefix" value={value.prefix} onChange={(v) => set('prefix', v.toUpperCase())} required
          pattern="[A-Z]{1,2}" maxLength={2} hint={{ zh: '1-2个大写字母，如 A → A001', en: '1-2 capitals, A gives A001' }}
          mismatch={{ zh: '票号前缀须为1-2个大写字母（如 A）', en: 'The ticket prefix must be 1-2 capital letters (e.g. A)' }} />
        <SelectField zh="区域" en="Area" testid="service-area" value={value.areaId || null} onChange={(v) => set('areaId', v)}
          options={areas.map((a) => ({ value: a.id, zh: a.name.zh, en: a.name.en }))} />
      </div>
      <TextPair zh="名称" en="Name" testid="service-name" value={value.name} onChange={(v) => set('name', v)} max={nameLimits.service} />
      <fieldset class="group">
        <legend><Bi zh="办理时间" en="Hours" inline /></legend>
        <CheckField zh="按大厅时间" en="Same as the hall" testid="service-hall-hours" value={value.hours === null}
          onChange={(v) => set('hours', v ? null : officeHours)} />
        {value.hours && <HoursEditor testid="service-hours" value={value.hours} onChange={(v) => set('hours', v)} />}
      </fieldset>
      <fieldset class="group">
        <legend><Bi zh="号源" en="Quotas" inline /></legend>
        <div class="form-row">
          <NumberField zh="每日限号" en="Daily quota" testid="service-daily-quota" value={value.dailyQuota} nullable min={0} max={100000}
            onChange={(v) => set('dailyQuota', v)} hint={{ zh: '留空为不限', en: 'empty: no limit' }} />
          <NumberField zh="平均办理时长（分钟）" en="Handling minutes" testid="service-minutes" value={value.defaultHandlingMinutes} min={0.5} max={480} step={0.5}
            onChange={(v) => set('defaultHandlingMinutes', v ?? 5)} />
        </div>
        <SlotQuotaEditor value={value.slotQuotas} onChange={(v) => set('slotQuotas', v)} />
      </fieldset>
      <fieldset class="group">
        <legend><Bi zh="取号与预约" en="Tickets and appointments" inline /></legend>
        <div class="form-row">
          <CheckField zh="须实名（身份证）" en="ID card required" testid="service-id-required" value={value.idRequired} onChange={(v) => set('idRequired', v)} />
          <CheckField zh="允许网上取号" en="Online tickets" testid="service-online" value={value.onlineAllowed} onChange={(v) => set('onlineAllowed', v)} />
          <CheckField zh="启用" en="Active" testid="service-active" value={value.active} onChange={(v) => set('active', v)} />
        </div>
        <div class="form-row">
          <NumberField zh="预约时段（分钟）" en="Slot minutes" testid="service-slot-minutes" value={value.appointmentSlotMinutes} min={5} max={240}
            onChange={(v) => set('appointmentSlotMinutes', v ?? 30)} />
          <NumberField zh="每时段预约数" en="Places per slot" testid="service-slot-places" value={value.appointmentsPerSlot} min={0} max={1000}
            onChange={(v) => set('appointmentsPerSlot', v ?? 0)} />
        </div>
      </fieldset>
    </>
  );
}
