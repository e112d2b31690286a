import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { espeakWorkerSource } from './espeak-worker-source.js';

export interface SynthesizerOptions {
  /** Distinct announcements kept; a WAV is about 200 kB. */
  cacheEntries?: number;
  /** A worker with nothing to do is ended, so an idle hall holds no 30 MB speech engine in memory. */
  idleMs?: number;
  timeoutMs?: number;
}

interface Job { id: number; resolve: (wav: Buffer) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }

/**
 * espeak-ng arguments: the pinyin voice, a little slower than its default and with gaps between words. A brisk
 * pace, for calls said one after another in a burst, is its default speed with shorter gaps: about a fifth quicker.
 */
export type SpeechPace = 'steady' | 'brisk';
const voiceArgs: Record<SpeechPace, string[]> = {
  steady: ['-v', 'cmn-latn-pinyin', '-s', '140', '-g', '6', '-a', '150'],
  brisk: ['-v', 'cmn-latn-pinyin', '-s', '170', '-g', '3', '-a', '150'],
};

/**
 * Offline speech for boards without a voice pack or a local Chinese voice: espeak-ng compiled to WebAssembly
 * (its language data is inside the package, nothing is fetched), run in a worker thread, results cached by text.
 */
export class EspeakSynthesizer {
  private readonly cache = new Map<string, Buffer>();
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly jobs = new Map<number, Job>();
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly cacheEntries: number;
  private readonly idleMs: number;
  private readonly timeoutMs: number;

  constructor(options: SynthesizerOptions = {}) {
    this.cacheEntries = options.cacheEntries ?? 64;
    this.idleMs = options.idleMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** WAV (RIFF, 16-bit mono PCM) for pinyin text already checked against the announcement alphabet. */
  async wav(pinyin: string, pace: SpeechPace = 'steady'): Promise<Buffer> {
    const key = `${pace} ${pinyin}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Re-inserting keeps the Map in least-recently-used order for eviction.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const running = this.inFlight.get(key);
    if (running) return running;
    const job = this.run([...voiceArgs[pace], pinyin]).then((wav) => {
      this.cache.set(key, wav);
      while (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
      return wav;
    }).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, job);
    return job;
  }

  close(): void {
    this.stopWorker(new Error('synthesizer closed'));
  }

  private run(args: string[]): Promise<Buffer> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => this.stopWorker(new Error('speech synthesis timed out')), this.timeoutMs);
      this.jobs.set(id, { id, resolve, reject, timer });
      worker.postMessage({ id, args });
    });
  }

  private ensureWorker(): Worker {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const modulePath = require.resolve('espeak-ng');
    const worker = new Worker(espeakWorkerSource, {
      eval: true,
      workerData: { moduleUrl: pathToFileURL(modulePath).href, wasmPath: join(dirname(modulePath), 'espeak-ng.wasm') },
    });
    // Never keeps the process alive: a hall that is closing must not wait for its speech engine.
    worker.unref();
    worker.on('message', (msg: { id: number; wav?: Uint8Array; error?: string }) => this.settle(msg));
    worker.on('error', (err) => this.stopWorker(err));
    worker.on('exit', () => {
      if (this.worker === worker) this.stopWorker(new Error('speech worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(msg: { id: number; wav?: Uint8Array; error?: string }): void {
    const job = this.jobs.get(msg.id);
    if (!job) return;
    this.jobs.delete(msg.id);
    clearTimeout(job.timer);
    if (msg.wav) job.resolve(Buffer.from(msg.wav.buffer, msg.wav.byteOffset, msg.wav.byteLength));
    else job.reject(new Error(msg.error ?? 'speech synthesis failed'));
    if (this.jobs.size === 0) {
      this.idleTimer = setTimeout(() => this.stopWorker(null), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private stopWorker(reason: Error | null): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      job.reject(reason ?? new Error('speech worker stopped'));
    }
    this.jobs.clear();
    if (worker) void worker.terminate();
  }
}
