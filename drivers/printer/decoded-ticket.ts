import type { Alignment, EscPosItem, QrSymbol, UnknownItem } from './escpos-items.js';

/** One printed line as a reader sees it; size is that of the largest run on the line. */
export interface PrintedLine {
  text: string;
  align: Alignment;
  width: number;
  height: number;
  bold: boolean;
}

/** Everything between two cuts. */
export interface DecodedTicket {
  items: EscPosItem[];
  lines: PrintedLine[];
  qrCodes: QrSymbol[];
  cut: { partial: boolean } | null;
  unknown: UnknownItem[];
}

/** Groups items into tickets ending at each cut; items after the last cut form a ticket with `cut: null`. */
export function splitTickets(items: EscPosItem[]): DecodedTicket[] {
  const tickets: DecodedTicket[] = [];
  let current: EscPosItem[] = [];
  for (const item of items) {
    current.push(item);
    if (item.kind === 'cut') {
      tickets.push(toTicket(current));
      current = [];
    }
  }
  if (current.some((item) => item.kind !== 'init' && item.kind !== 'status-request')) tickets.push(toTicket(current));
  return tickets;
}

type Block = { kind: 'line'; line: PrintedLine } | Exclude<EscPosItem, { kind: 'text' | 'newline' }>;

/** Items in paper order, with text runs joined into lines. */
function blocks(items: EscPosItem[]): Block[] {
  const out: Block[] = [];
  let open: PrintedLine | null = null;
  for (const item of items) {
    if (item.kind === 'text') {
      const { align, width, height, bold } = item.style;
      if (!open) open = { text: '', align, width, height, bold };
      open.text += item.text;
      open.width = Math.max(open.width, width);
      open.height = Math.max(open.height, height);
      open.bold ||= bold;
      continue;
    }
    // Text without a final line feed still prints before a cut, a code or anything else that moves paper.
    if (open) out.push({ kind: 'line', line: open });
    open = null;
    if (item.kind !== 'newline') out.push(item);
  }
  if (open) out.push({ kind: 'line', line: open });
  return out;
}

export function toTicket(items: EscPosItem[]): DecodedTicket {
  const ticket: DecodedTicket = { items, lines: [], qrCodes: [], cut: null, unknown: [] };
  for (const block of blocks(items)) {
    if (block.kind === 'line') ticket.lines.push(block.line);
    else if (block.kind === 'qr') {
      const { kind: _kind, offset: _offset, ...symbol } = block;
      ticket.qrCodes.push(symbol);
    } else if (block.kind === 'unknown') ticket.unknown.push(block);
    else if (block.kind === 'cut') ticket.cut = { partial: block.partial };
  }
  return ticket;
}

/** A plain-text picture of a ticket for a terminal: alignment by padding, magnified text marked like [6x6]. */
export function renderTicket(ticket: DecodedTicket, columns = 48): string {
  const out: string[] = [];
  for (const block of blocks(ticket.items)) {
    if (block.kind === 'line') {
      const { line } = block;
      const mark = line.width > 1 || line.height > 1 ? `[${line.width}x${line.height}] ` : '';
      out.push(place(mark + line.text, line.align, columns));
    } else if (block.kind === 'qr') out.push(place(`[QR ${block.payload}]`, 'center', columns));
    else if (block.kind === 'unknown') out.push(`[unknown @${block.offset}: ${block.bytes.toString('hex')} (${block.reason})]`);
    else if (block.kind === 'cut') out.push(block.partial ? '- - - - partial cut - - - -' : '-------- full cut --------');
  }
  if (!ticket.cut) out.push('(not cut)');
  return out.join('\n');
}

function place(text: string, align: Alignment, columns: number): string {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x80 ? 1 : 2;
  const free = Math.max(0, columns - width);
  if (align === 'center') return ' '.repeat(Math.floor(free / 2)) + text;
  if (align === 'right') return ' '.repeat(free) + text;
  return text;
}
