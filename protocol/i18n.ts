import { z } from 'zod';

/** Every text a visitor or staff member reads comes in Chinese first, English second. */
export const Text = z.object({ zh: z.string().min(1).max(200), en: z.string().max(200) });
export type Text = z.infer<typeof Text>;

/** An error as every client receives it: a stable code, and a message in both languages. */
export const ErrorBody = z.object({
  code: z.string(),
  message: Text,
  details: z.record(z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
