import { describe, expect, it } from 'vitest';
import { withTimeout } from '../../../drivers/serial/with-timeout.js';

describe('withTimeout', () => {
  it('passes through a result that arrives before the deadline', async () => {
    const fast = new Promise((resolve) => setTimeout(() => resolve('reply'), 5));
    await expect(withTimeout(fast, 200, () => new Error('late'))).resolves.toBe('reply');
  });

  it('rejects with the given error when the deadline passes first', async () => {
    const never = new Promise(() => undefined);
    await expect(withTimeout(never, 20, () => new Error('no reply'))).rejects.toThrow('no reply');
  });
});
