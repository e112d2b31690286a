import { z } from 'zod';
import { parseKeyChord } from './key-chord.js';

// A fill profile describes, for one business system, how a visitor's identity is entered: which field goes where,
// which keys move between inputs, and how that system pastes. It is plain JSON so the server can store it per
// window and send it to the bridge with each fill.

export const IDENTITY_FIELDS = [
  'idNumber', 'name', 'gender', 'nation', 'birthDate', 'address', 'authority', 'validFrom', 'validTo',
  'ticketNumber', 'phone',
] as const;
export const IdentityField = z.enum(IDENTITY_FIELDS);
export type IdentityField = z.infer<typeof IdentityField>;

/** A key or a chord in words, e.g. "Tab", "Enter", "Ctrl+V", "Ctrl+Shift+V", "Shift+Insert". */
export const KeyChordText = z
  .string()
  .refine((text) => parseKeyChord(text) !== undefined, (text) => ({ message: `unknown key or chord "${text}"` }));

/**
 * 'type' sends key strokes (only [A-Za-z0-9 ] arrive reliably), 'paste' goes through the clipboard, 'auto' types a
 * value made only of those characters and pastes any other value whole.
 */
export const FillMode = z.enum(['type', 'paste', 'auto']);
export type FillMode = z.infer<typeof FillMode>;

export const FieldStep = z
  .object({
    field: IdentityField,
    mode: FillMode.default('auto'),
    /** An optional field missing from the identity is skipped instead of failing the whole fill. */
    optional: z.boolean().default(false),
  })
  .strict();

export const KeyStep = z
  .object({ key: KeyChordText, repeat: z.number().int().min(1).max(50).default(1) })
  .strict();

/** Some systems open a dialog or validate a field before the next input accepts keys. */
export const DelayStep = z.object({ delayMs: z.number().int().min(0).max(10_000) }).strict();

export const FillStep = z.union([FieldStep, KeyStep, DelayStep]);
export type FillStep = z.infer<typeof FillStep>;

/** Which X selection the paste key of the target application reads (xterm's Shift+Insert reads PRIMARY). */
export const SelectionName = z.enum(['clipboard', 'primary']);
export type SelectionName = z.infer<typeof SelectionName>;

export const FillProfile = z
  .object({
    name: z.string().min(1).max(100),
    steps: z.array(FillStep).min(1).max(200),
    pasteKey: KeyChordText.default('Ctrl+V'),
    selection: SelectionName.default('clipboard'),
    /** Pause before each key stroke; nut.js defaults to 300 ms, which makes an 18-digit number take 5 s. */
    keyDelayMs: z.number().int().min(0).max(1000).default(5),
    /** How long the target application may take to fetch the pasted text before the fill counts as failed. */
    pasteTimeoutMs: z.number().int().min(100).max(10_000).default(2000),
    /** Put the staff member's own clipboard text back afterwards; the pasted identity is removed either way. */
    restoreClipboard: z.boolean().default(true),
    /** Refuse to type unless the focused window's title contains this, so an identity never lands in a chat box. */
    windowTitleIncludes: z.string().min(1).max(200).optional(),
  })
  .strict();

/** The profile as stored and sent (defaults may be omitted). */
export type FillProfileInput = z.input<typeof FillProfile>;
/** The profile after validation, with every default filled in. */
export type FillProfile = z.infer<typeof FillProfile>;
