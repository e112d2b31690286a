import qrcode from 'qrcode-generator';
import { useMemo } from 'preact/hooks';

/** A QR code drawn as SVG in the browser: nothing leaves the page to make it, and it stays sharp at any size. */
export function QrCode({ text, label, class: cls }: { text: string; label: string; class?: string }) {
  const { path, size } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const n = qr.getModuleCount();
    let d = '';
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    }
    // Four modules of quiet zone on every side, as scanners expect.
    return { path: d, size: n + 8 };
  }, [text]);
  return (
    <svg class={cls ? `qr ${cls}` : 'qr'} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
