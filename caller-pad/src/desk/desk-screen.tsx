import { useEffect, useRef, useState } from 'preact/hooks';
import type { Staff } from '../../../protocol/config-entities.js';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import type { PauseReason, TicketView } from '../../../protocol/queue-entities.js';
import { Bi, ErrorNotice } from '../lib/bi.js';
import { windowStatusName } from '../lib/status-names.js';
import { useNow } from '../lib/use-now.js';
import { deskLostWindow, staffedByOther, takenOverNotice } from '../session/window-staffing.js';
import { ActionButtons } from './action-buttons.js';
import { enabledActions, type DeskAction } from './action-rules.js';
import { CurrentVisitor } from './current-visitor.js';
import { runDeskCommand, type DeskCommand } from './desk-commands.js';
import { CallTicketDialog } from './dialogs/call-ticket-dialog.js';
import { PauseDialog } from './dialogs/pause-dialog.js';
import { LeaveWindowDialog, type LeaveReason } from './dialogs/leave-window-dialog.js';
import { TransferDialog, type TransferTarget } from './dialogs/transfer-dialog.js';
import { useFillAvailable } from './fill-availability.js';
import { FillNotice } from './fill-notice.js';
import { NoShowList } from './no-show-list.js';
import { useShortcuts } from './shortcuts.js';
import { TodayCounts } from './today-counts.js';
import { useDeskFeed } from './use-desk-feed.js';
import { WaitingList } from './waiting-list.js';

type Dialog = { kind: 'pause' } | { kind: 'transfer' } | { kind: 'call'; ticket: TicketView } | { kind: 'leave'; reason: LeaveReason } | null;

interface Props {
  staff: Staff;
  windowId: number;
  onChangeWindow: () => void;
  /** A colleague (or supervisor) took this window over: the desk leaves it, saying so. */
  onTakenOver: (notice: Text) => void;
  onLogout: () => void;
  onSessionEnded: () => void;
}

export function DeskScreen({ staff, windowId, onChangeWindow, onTakenOver, onLogout, onSessionEnded }: Props) {
  const feed = useDeskFeed(windowId);
  const now = useNow();
  const fillAvailable = useFillAvailable();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [fillSent, setFillSent] = useState<{ requestId: string; ticketId: number } | null>(null);

  useEffect(() => { if (feed.refused) onSessionEnded(); }, [feed.refused]);
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), 10_000);
    return () => clearTimeout(timer);
  }, [error]);

  const w = feed.desk?.window ?? null;
  // A clerk's controls at a window someone else now staffs would only be refused (WINDOW_STAFFED): leave it instead.
  // A supervisor assisting at a clerk's window stays; the staff last seen tells whether the window was taken from them.
  const lastStaffId = useRef<number | null>(null);
  const takenOver = w !== null && deskLostWindow(w, staff, lastStaffId.current);
  useEffect(() => { if (takenOver) onTakenOver(takenOverNotice(w.number, w.staffName)); }, [takenOver]);
  useEffect(() => { if (w) lastStaffId.current = w.staffId; }, [w?.staffId]);
  const assisting = w !== null && !takenOver && staffedByOther(w, staff.id);
  const enabled = enabledActions({
    windowStatus: w?.status ?? 'closed',
    current: w?.currentTicket?.status ?? null,
    waitingCount: feed.desk?.waiting.length ?? 0,
    hasIdentity: Boolean(w?.currentTicket?.person),
    online: feed.online && w !== null,
  });

  const run = async (command: DeskCommand) => {
    setBusy(true);
    const outcome = await runDeskCommand(feed.socket, command);
    const err = outcome.ok ? null : outcome.error;
    setBusy(false);
    setError(err);
    if (!err) setDialog(null);
    return err;
  };

  const fill = async () => {
    const ticketId = w?.currentTicket?.id;
    const sent = await runDeskCommand(feed.socket, { name: 'fillBusinessSystem', args: { windowId } });
    setError(sent.ok ? null : sent.error);
    if (sent.ok && ticketId !== undefined) setFillSent({ requestId: (sent.result as { requestId: string }).requestId, ticketId });
  };
  // A bridge report belongs to the visitor it was sent for; the next visitor starts with a clean notice. A report
  // may also come unasked, when the bridge fills in by itself as serving starts.
  const currentId = w?.currentTicket?.id;
  const report = feed.fillResult && feed.fillResult.ticketId === currentId ? feed.fillResult.report : null;
  const waitingForReport = fillSent !== null && fillSent.ticketId === currentId && report?.requestId !== fillSent.requestId;
  const fillNotice = currentId === undefined ? null : waitingForReport ? <FillNotice result={null} /> : report ? <FillNotice result={report} /> : null;

  const openDialog = (d: Dialog) => {
    setError(null);
    setDialog(d);
  };

  const act = (action: DeskAction) => {
    const windowArg = { windowId };
    switch (action) {
      case 'open': case 'resume': return run({ name: 'setWindowStatus', args: { windowId, status: 'open' } });
      case 'close': return run({ name: 'setWindowStatus', args: { windowId, status: 'closed' } });
      case 'callNext': return run({ name: 'callNext', args: windowArg });
      case 'recall': return run({ name: 'recall', args: windowArg });
      case 'start': return run({ name: 'startService', args: windowArg });
      case 'finish': return run({ name: 'finishService', args: windowArg });
      case 'noShow': return run({ name: 'markNoShow', args: windowArg });
      case 'fill': return fill();
      case 'transfer': return openDialog({ kind: 'transfer' });
      case 'pause': return openDialog({ kind: 'pause' });
      case 'callTicket': return undefined;
    }
  };
  useShortcuts(enabled, dialog === null && !busy, (a) => void act(a));

  const pauseWith = (reason: PauseReason) => run({ name: 'setWindowStatus', args: { windowId, status: 'paused', reason } });
  const transferTo = (target: TransferTarget) => {
    const t = w?.currentTicket;
    if (t) void run({ name: 'transferTicket', args: { ticketId: t.id, ...target } });
  };

  // Signing out or switching closes this clerk's window first, so it is not left open on the board with nobody behind it.
  const staffsWindow = w !== null && w.status !== 'closed' && w.staffId === staff.id;
  const leave = (reason: LeaveReason) => (staffsWindow ? openDialog({ kind: 'leave', reason }) : reason === 'signOut' ? onLogout() : onChangeWindow());
  const closeAndLeave = async (reason: LeaveReason) => {
    const refused = await run({ name: 'setWindowStatus', args: { windowId, status: 'closed' } });
    if (!refused) (reason === 'signOut' ? onLogout : onChangeWindow)();
  };

  const status = w ? windowStatusName[w.status] : null;
  return (
    <div class="desk">
      <header class="topbar">
        <h1 class="topbar-window" data-testid="pad-window-title">
          {w ? <Bi zh={w.name.zh} en={w.name.en} inline /> : <Bi zh="连接中…" en="Connecting…" inline />}
        </h1>
        {status && <span class={`pill pill-window-${w!.status}`} data-testid="pad-window-status">{status.zh} {status.en}</span>}
        {assisting && (
          <span class="pill pill-assist" data-testid="pad-assisting"><Bi zh={`协助 ${w!.staffName ?? ''}`} en="Assisting" inline /></span>
        )}
        <span class="topbar-hall">{feed.desk?.hall.name.zh}</span>
        <span class={`link-state ${feed.online ? 'link-on' : 'link-off'}`} data-testid="pad-link">
          {feed.online ? '● 在线 Online' : '○ 离线 Offline'}
        </span>
        <span class="topbar-user">{staff.name} · {staff.number}</span>
        <button type="button" class="btn btn-quiet" data-testid="pad-close-window" disabled={busy || !enabled.has('close')} onClick={() => act('close')}>
          <Bi zh="关闭窗口" en="Close window" inline />
        </button>
        <button type="button" class="btn btn-quiet" data-testid="pad-switch" disabled={busy} onClick={() => leave('switch')}><Bi zh="换窗口" en="Switch" inline /></button>
        <button type="button" class="btn btn-quiet" data-testid="pad-sign-out" disabled={busy} onClick={() => leave('signOut')}><Bi zh="退出" en="Sign out" inline /></button>
      </header>
      <main class="desk-main">
        <div class="desk-left">
          {feed.desk && !w && (
            <section class="visitor-card visitor-idle" data-testid="pad-current">
              <p class="visitor-hint"><Bi zh="该窗口不存在或已停用，请更换窗口" en="This window is not in service; choose another" /></p>
              <button type="button" class="btn btn-primary btn-huge" onClick={onChangeWindow}><Bi zh="更换窗口" en="Choose a window" /></button>
            </section>
          )}
          {w && <CurrentVisitor window={w} now={now} priorityClasses={feed.priorityClasses} canOpen={!busy && enabled.has('open')} onOpen={() => act('open')} />}
          {fillNotice}
          <div class="error-slot">{!dialog && <ErrorNotice error={error} onClose={() => setError(null)} />}</div>
          <ActionButtons enabled={enabled} paused={w?.status === 'paused'} fillAvailable={fillAvailable} busy={busy} onAction={(a) => void act(a)} />
        </div>
        <div class="desk-right">
          <TodayCounts counts={feed.counts} />
          {feed.desk && (
            <WaitingList waiting={feed.desk.waiting} windowId={windowId} tiers={feed.tiers} priorityClasses={feed.priorityClasses}
              yellowMinutes={feed.desk.hall.yellowWaitMinutes} redMinutes={feed.desk.hall.redWaitMinutes} now={now}
              canCall={!busy && enabled.has('callTicket')} onCall={(ticket) => openDialog({ kind: 'call', ticket })} />
          )}
          {feed.desk && (
            <NoShowList noShows={feed.desk.noShows} online={feed.online && !busy}
              onRequeue={(t) => void run({ name: 'requeueTicket', args: { ticketId: t.id } })} />
          )}
        </div>
      </main>
      {dialog?.kind === 'pause' && <PauseDialog error={error} onPause={(r) => void pauseWith(r)} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'call' && (
        <CallTicketDialog ticket={dialog.ticket} error={error} onClose={() => setDialog(null)}
          onCall={(reason) => void run({ name: 'callTicket', args: { windowId, ticketId: dialog.ticket.id, reason } })} />
      )}
      {dialog?.kind === 'leave' && w && (
        <LeaveWindowDialog reason={dialog.reason} windowNumber={w.number} error={error} busy={busy} onClose={() => setDialog(null)}
          onConfirm={() => void closeAndLeave(dialog.reason)} />
      )}
      {dialog?.kind === 'transfer' && w?.currentTicket && feed.desk && (
        <TransferDialog ticket={w.currentTicket} areas={feed.desk.areas} services={feed.desk.services} windows={feed.windows}
          ownWindowId={windowId} error={error} onTransfer={transferTo} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
