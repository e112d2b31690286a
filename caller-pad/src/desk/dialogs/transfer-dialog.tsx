import { useState } from 'preact/hooks';
import type { Area, Window } from '../../../../protocol/config-entities.js';
import type { ErrorBody, Text } from '../../../../protocol/i18n.js';
import type { TicketView } from '../../../../protocol/queue-entities.js';
import type { PublicService } from '../../../../protocol/realtime.js';
import { Bi } from '../../lib/bi.js';
import { useLiveWindows, type LiveWindow } from '../../lib/live-windows.js';
import { windowStatusName } from '../../lib/status-names.js';
import { nobodyServesWarning, openWindowsServing } from '../transfer-targets.js';
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

/**
 * A transfer keeps the visitor's number and arrival time; staff send them to another service or a named window.
 * Each target says whether it is served now, and one nobody serves asks again before the visitor is sent to wait.
 */
export function TransferDialog({ ticket, areas, services, windows, ownWindowId, error, onTransfer, onClose }: Props) {
  const [mode, setMode] = useState<'service' | 'window'>('service');
  const [target, setTarget] = useState<TransferTarget | null>(null);
  const [warning, setWarning] = useState<Text | null>(null);
  const live = useLiveWindows();
  const choose = (t: TransferTarget | null) => {
    setTarget(t);
    setWarning(null);
  };
  const isChosen = (t: TransferTarget) => JSON.stringify(t) === JSON.stringify(target);
  const confirm = () => {
    if (!target) return;
    const nobody = live ? nobodyServesWarning(target, windows, live) : null;
    if (nobody && !warning) setWarning(nobody);
    else onTransfer(target);
  };
  const activeAreas = areas.filter((a) => a.active);
  return (
    <Modal zh={`转移 ${ticket.number}`} en={`Transfer ${ticket.number}`} testid="pad-transfer-dialog" error={error} onClose={onClose}>
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'service'} class={`tab ${mode === 'service' ? 'tab-on' : ''}`}
          data-testid="pad-transfer-mode-service" onClick={() => { setMode('service'); choose(null); }}>
          <Bi zh="转到业务" en="To a service" inline />
        </button>
        <button type="button" role="tab" aria-selected={mode === 'window'} class={`tab ${mode === 'window' ? 'tab-on' : ''}`}
          data-testid="pad-transfer-mode-window" onClick={() => { setMode('window'); choose(null); }}>
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
                    {live && <ServedBy serving={openWindowsServing(s.id, windows, live)} />}
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
                {live && <WindowNowLine now={live.get(w.id)} />}
              </button>
            ))}
          </div>
        )}
      </div>
      {warning ? (
        <div class="transfer-warning" role="alert" data-testid="pad-transfer-warning">
          <Bi zh={warning.zh} en={warning.en} />
          <div class="transfer-warning-actions">
            <button type="button" class="btn" data-testid="pad-transfer-rechoose" onClick={() => setWarning(null)}>
              <Bi zh="重新选择" en="Choose again" />
            </button>
            <button type="button" class="btn btn-primary" data-testid="pad-transfer-anyway" onClick={confirm}>
              <Bi zh="仍然转移" en="Transfer anyway" />
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn btn-primary btn-wide" data-testid="pad-transfer-confirm" disabled={!target} onClick={confirm}>
          <Bi zh="确认转移" en="Transfer" />
        </button>
      )}
    </Modal>
  );
}

/** Which windows would call the visitor now, or plainly that none would. */
function ServedBy({ serving }: { serving: Window[] }) {
  if (!serving.length) {
    return <span class="choice-status choice-status-none"><Bi zh="暂无开放窗口" en="No open window" inline /></span>;
  }
  const numbers = serving.map((w) => w.number);
  return (
    <span class="choice-status choice-status-open">
      <Bi zh={`开放窗口：${numbers.join('、')}号`} en={`Open: ${numbers.join(', ')}`} inline />
    </span>
  );
}

function WindowNowLine({ now }: { now: LiveWindow | undefined }) {
  const status = now?.status ?? 'closed';
  const name = windowStatusName[status];
  const who = status !== 'closed' && now?.staffName ? ` · ${now.staffName}` : '';
  return (
    <span class={`choice-status ${status === 'open' ? 'choice-status-open' : 'choice-status-none'}`}>
      <Bi zh={`${name.zh}${who}`} en={name.en} inline />
    </span>
  );
}
