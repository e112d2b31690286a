import { describe, expect, it } from 'vitest';
import { RequestQueue } from '../../../drivers/serial/request-queue.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RequestQueue', () => {
  it('runs one request at a time in the order they were queued', async () => {
    const queue = new RequestQueue();
    const log: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const request = (name: string, ms: number) =>
      queue.run(async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        log.push(`start ${name}`);
        await sleep(ms);
        log.push(`end ${name}`);
        running--;
        return name;
      });

    const results = await Promise.all([request('a', 30), request('b', 5), request('c', 10)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(mostAtOnce).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('passes a failure to its caller and still runs the requests behind it', async () => {
    const queue = new RequestQueue();
    const failed = queue.run(async () => {
      throw new Error('timeout');
    });
    const next = queue.run(async () => 'answered');
    await expect(failed).rejects.toThrow('timeout');
    await expect(next).resolves.toBe('answered');
  });

  it('counts the requests still waiting or running', async () => {
    const queue = new RequestQueue();
    const first = queue.run(() => sleep(20));
    const second = queue.run(() => sleep(1));
    expect(queue.pending).toBe(2);
    await Promise.all([first, second]);
    expect(queue.pending).toBe(0);
  });
});
