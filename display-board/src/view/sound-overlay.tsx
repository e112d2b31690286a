/** Shown while the browser holds back sound until someone touches the screen (once, after the board starts). */
export function SoundOverlay({ onEnable }: { onEnable: () => void }) {
  return (
    <div class="sound-overlay" role="dialog" aria-label="启用语音 Enable sound">
      <button type="button" class="sound-button" data-testid="board-enable-sound" onClick={onEnable}>
        点击启用语音<span class="en">Tap to enable sound</span>
      </button>
    </div>
  );
}
