import { Bi } from '../lib/bi.js';
import type { DeskAction } from './action-rules.js';
import { shortcutKeys } from './shortcuts.js';

interface ButtonSpec { action: DeskAction; testid: string; zh: string; en: string; tone: string }

const buttons: ButtonSpec[] = [
  { action: 'callNext', testid: 'pad-call-next', zh: '叫号', en: 'Call next', tone: 'primary' },
  { action: 'recall', testid: 'pad-recall', zh: '重呼', en: 'Recall', tone: 'amber' },
  { action: 'start', testid: 'pad-start', zh: '开始办理', en: 'Start', tone: 'green' },
  { action: 'finish', testid: 'pad-finish', zh: '办结', en: 'Finish', tone: 'green' },
  { action: 'noShow', testid: 'pad-no-show', zh: '过号', en: 'No-show', tone: 'red' },
  { action: 'transfer', testid: 'pad-transfer', zh: '转移', en: 'Transfer', tone: 'plain' },
];

const pause: ButtonSpec = { action: 'pause', testid: 'pad-pause', zh: '暂停', en: 'Pause', tone: 'grey' };
const resume: ButtonSpec = { action: 'resume', testid: 'pad-resume', zh: '恢复服务', en: 'Resume', tone: 'primary' };
const fill: ButtonSpec = { action: 'fill', testid: 'pad-fill', zh: '填入业务系统', en: 'Fill business system', tone: 'plain' };

/** The big buttons, each with its shortcut key printed on it; only those that make sense now are enabled. */
export function ActionButtons({ enabled, paused, fillAvailable, busy, onAction }: {
  enabled: Set<DeskAction>; paused: boolean; fillAvailable: boolean; busy: boolean; onAction: (a: DeskAction) => void;
}) {
  const specs = [...buttons, paused ? resume : pause, fill];
  return (
    <div class="action-grid">
      {specs.map((b) => {
        const available = b.action !== 'fill' || fillAvailable;
        const key = shortcutKeys[b.action];
        return (
          <button key={b.testid} type="button" class={`btn action-btn tone-${b.tone}`} data-testid={b.testid}
            disabled={busy || !available || !enabled.has(b.action)} onClick={() => onAction(b.action)}
            aria-keyshortcuts={key} title={available ? undefined : '业务系统助手未接入 / Business-system bridge not installed'}>
            <Bi zh={b.zh} en={b.en} />
            {key && <kbd class="action-key">{key}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
