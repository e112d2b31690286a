// What the ESC/POS decoder turns bytes into. Settings (alignment, sizes, character modes) are not items of
// their own: they shape the text items that follow, which is what a reader of the paper sees.

export type Alignment = 'left' | 'center' | 'right';

export interface TextStyle {
  align: Alignment;
  /** Character magnification, 1..8. */
  width: number;
  height: number;
  bold: boolean;
}

export interface QrSymbol {
  payload: string;
  /** The stored bytes, for checks the string would hide (e.g. invalid UTF-8). */
  bytes: Buffer;
  model: number;
  moduleSize: number;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
}

export type EscPosItem =
  | { kind: 'init'; offset: number }
  | { kind: 'text'; offset: number; text: string; style: TextStyle }
  | { kind: 'newline'; offset: number }
  | { kind: 'feed'; offset: number; lines: number }
  | ({ kind: 'qr'; offset: number } & QrSymbol)
  | { kind: 'cut'; offset: number; partial: boolean; feedLines: number }
  | { kind: 'status-request'; offset: number; n: number }
  | { kind: 'unknown'; offset: number; bytes: Buffer; reason: string };

export type UnknownItem = Extract<EscPosItem, { kind: 'unknown' }>;
