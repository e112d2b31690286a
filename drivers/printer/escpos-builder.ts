import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { gb18030 } from './escpos-bytes.js';

/**
 * node-thermal-printer used as a byte builder (no interface: the driver sends the bytes). Its own text path
 * encodes non-ASCII with EUC-CN per character and, for a character GB2312 lacks, switches to whatever code page
 * happens to contain it, so only ASCII goes through it; Chinese runs are encoded here as GB18030.
 */
export class EscPosBuilder {
  readonly printer: ThermalPrinter;

  constructor(columns: number) {
    // The typings demand an interface string; at run time the interface is optional and we never call execute().
    this.printer = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: undefined as unknown as string,
      width: columns,
    });
  }

  /** Text without a line feed. Control characters are dropped so data can never smuggle in a command. */
  text(text: string): this {
    const clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
    for (const run of clean.match(/[\u0020-\u007e]+|[^\u0020-\u007e]+/g) ?? []) {
      if (run.charCodeAt(0) < 0x80) this.printer.append(run);
      else this.printer.add(gb18030(run));
    }
    return this;
  }

  line(text: string): this {
    this.text(text);
    this.printer.newLine();
    return this;
  }

  raw(bytes: Buffer): this {
    this.printer.add(bytes);
    return this;
  }

  init(): this {
    // ESC @ by hand: initHardware() exists at run time but is missing from the package's typings.
    this.printer.add(Buffer.from([0x1b, 0x40]));
    // ESC R 15 (China); sent after ESC @ because ESC @ resets it.
    this.printer.setCharacterSet(CharacterSet.CHINA);
    return this;
  }

  bytes(): Buffer {
    return Buffer.from(this.printer.getBuffer());
  }
}
