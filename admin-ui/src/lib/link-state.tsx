/** Whether a live page is hearing the server: in words beside the colour, so a stale screen never passes for live. */
export function LinkState({ online, testid }: { online: boolean; testid: string }) {
  return <span class={`link-state ${online ? 'link-on' : 'link-off'}`} data-testid={testid}>{online ? '● 实时 Live' : '○ 离线 Offline'}</span>;
}
