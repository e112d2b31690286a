import { useState } from 'preact/hooks';
import type { Area, Window } from '../../../../protocol/config-entities.js';
import type { TicketView } from '../../../../protocol/queue-entities.js';
import type { PublicService } from '../../../../protocol/realtime.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { Bi } from '../../lib/bi.js';
import { Modal } from './modal.js';

export type TransferTarget = { serviceId: number } | { windowId: number };

interface Props {
  ticket: TicketView;
  areas: Area[];
  services: PublicService[];
  windows: Window[];
  ownWindowId: number;
  error: ErrorBody | null;
  onTransfer: (target: TransferTarget) => void;
  onClose: () => void;
}

/** A transfer keeps the visitor's number and arrival time; staff send them to another service or a named window. */
export function TransferDialog({ ticket, areas, services, windows, ownWindowId, error, onTransfer, onClose }: Props) {
  const [mode, setMode] = useState<'service' | 'window'>('service');
  const [target, setTarget] = useState<TransferTarget | null>(null);
  const choose = (t: TransferTarget) => setTarget(t);
  const isChosen = (t: TransferTarget) => JSON.stringify(t) === JSON.stringify(target);
  const activeAreas = areas.filter((a) => a.active);
  return (
    <Modal zh={`转移 ${ticket.number}`} en={`Transfer ${ticket.number}`} testid="pad-transfer-dialog" error={error} onClose={onClose}>
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'service'} class={`tab ${mode === 'service' ? 'tab-on' : ''}`}
          data-testid="pad-transfer-mode-service" onClick={() => { setMode('service'); setTarget(null); }}>
          <Bi zh="转到业务" en="To a service" inline />
        </button>
        <button type="button" role="tab" aria-selected={mode === 'window'} class={`tab ${mode === 'window' ? 'tab-on' : ''}`}
          data-testid="pad-transfer-mode-window" onClick={() => { setMode('window'); setTarget(null); }}>
          <Bi zh="转到窗口" en="To a window" inline />
        </button>
      </div>
      <div class="transfer-choices">
        {mode === 'service' && activeAreas.map((a) => {
          const list = services.filter((s) => s.active && s.areaId === a.id && s.id !== ticket.serviceId);
          if (!list.length) return null;
          return (
            <div key={a.id} class="transfer-area">
              <h3 class="tier-title">{a.name.zh} <small>{a.name.en}</small></h3>
              <div class="choice-grid">
                {list.map((s) => (
                  <button key={s.id} type="button" class={`btn choice-btn ${isChosen({ serviceId: s.id }) ? 'chosen' : ''}`}
                    data-testid={`pad-transfer-service-${s.code}`} onClick={() => choose({ serviceId: s.id })}>
                    <Bi zh={`${s.prefix} · ${s.name.zh}`} en={s.name.en} />
                  </button>
                ))}
              </div>
            </div>
          );
        })}
        {mode === 'window' && (
          <div class="choice-grid choice-grid-windows">
            {windows.filter((w) => w.id !== ownWindowId).map((w) => (
              <button key={w.id} type="button" class={`btn choice-btn ${isChosen({ windowId: w.id }) ? 'chosen' : ''}`}
                data-testid={`pad-transfer-window-${w.number}`} onClick={() => choose({ windowId: w.id })}>
                <Bi zh={w.name.zh} en={w.name.en} />
              </button>
            ))}
          </div>
        )}
      </div>
      <button type="button" class="btn btn-primary btn-wide" data-testid="pad-transfer-confirm" disabled={!target}
        onClick={() => target && onTransfer(target)}>
        <Bi zh="确认转移" en="Transfer" />
      </button>
    </Modal>
  );
}
