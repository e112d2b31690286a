import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Values a field may take that the hall knows about (a window a pad is paired to, a ticket at it), by field name;
 * undefined lets the schema decide. Any other id-like number becomes an id the hall has never given out, so a valid
 * request names nothing real and changes nothing by accident.
 */
export type KnownIds = (key: string) => fc.Arbitrary<unknown> | undefined;

const unknownIds = fc.constantFrom(900_001, 2_147_483_647, Number.MAX_SAFE_INTEGER);
const idLike = /(^id$|Id$)/;

interface Def { typeName: string; [k: string]: any }
const defOf = (schema: z.ZodTypeAny): Def => schema._def as Def;
const check = (def: Def, kind: string) => (def.checks as { kind: string; value?: any; inclusive?: boolean; regex?: RegExp }[] | undefined)?.find((c) => c.kind === kind);

/** Whether an object key may be left out. */
export function isOptional(schema: z.ZodTypeAny): boolean {
  return schema.safeParse(undefined).success;
}

function stringArb(def: Def): fc.Arbitrary<string> {
  const min = check(def, 'min')?.value ?? check(def, 'length')?.value ?? 0;
  const max = check(def, 'max')?.value ?? check(def, 'length')?.value ?? 24;
  const regex = check(def, 'regex')?.regex;
  const fits = (s: string) => s.trim().length >= min && s.length <= max && (!regex || regex.test(s));
  if (regex) return fc.stringMatching(regex).filter(fits);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 24)) }),
    // Text a hall may legitimately hold: Chinese, emoji, markup and SQL that must stay mere text.
    fc.constantFrom('张三', '社保 · 医保', '👩‍💼 ok', '<b>x</b>', "O'Brien; --", 'e\u0301', 'Ｘ'),
  ).filter(fits);
}

function numberArb(def: Def): fc.Arbitrary<number> {
  const min = check(def, 'min');
  const max = check(def, 'max');
  const int = Boolean(check(def, 'int'));
  const lo = min ? min.value + (min.inclusive ? 0 : int ? 1 : 1e-6) : -1000;
  const hi = max ? max.value - (max.inclusive ? 0 : int ? 1 : 1e-6) : 1000;
  return int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.min(hi, lo + 100_000)) }) : fc.double({ min: lo, max: Math.min(hi, lo + 100_000), noNaN: true, noDefaultInfinity: true });
}

/**
 * Values the schema accepts, found by walking it: the base the hostile inputs are cut from, and the valid samples
 * of the access matrix. A kind of schema it does not know stops the test, so a new route cannot go unchecked.
 */
export function validArb(schema: z.ZodTypeAny, known: KnownIds = () => undefined, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const given = key ? known(key) : undefined;
  if (given) return given;
  switch (def.typeName) {
    case 'ZodOptional': return fc.option(validArb(def.innerType, known, key), { nil: undefined, freq: 3 });
    case 'ZodNullable': return fc.option(validArb(def.innerType, known, key), { nil: null, freq: 3 });
    case 'ZodDefault': case 'ZodCatch': case 'ZodReadonly': return validArb(def.innerType, known, key);
    // Refinements are not solved for: a value the refinement refuses is still a fair thing to send.
    case 'ZodEffects': return validArb(def.schema, known, key);
    case 'ZodBranded': return validArb(def.type, known, key);
    case 'ZodPipeline': return validArb(def.out, known, key);
    case 'ZodLazy': return validArb(def.getter(), known, key);
    case 'ZodString': return stringArb(def);
    case 'ZodNumber': return idLike.test(key) ? unknownIds : numberArb(def);
    case 'ZodBoolean': return fc.boolean();
    case 'ZodLiteral': return fc.constant(def.value);
    case 'ZodEnum': return fc.constantFrom(...(def.values as string[]));
    case 'ZodNativeEnum': return fc.constantFrom(...Object.values(def.values as object));
    case 'ZodNull': return fc.constant(null);
    case 'ZodUndefined': return fc.constant(undefined);
    case 'ZodUnknown': case 'ZodAny': return fc.jsonValue({ maxDepth: 2 });
    case 'ZodArray': {
      const min = def.minLength?.value ?? def.exactLength?.value ?? 0;
      const max = def.maxLength?.value ?? def.exactLength?.value ?? 3;
      return fc.array(validArb(def.type, known, key), { minLength: min, maxLength: Math.min(max, Math.max(min, 3)) });
    }
    case 'ZodTuple': return fc.tuple(...(def.items as z.ZodTypeAny[]).map((s) => validArb(s, known, key)));
    case 'ZodRecord': return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), validArb(def.valueType, known, key), { maxKeys: 3 });
    case 'ZodUnion': case 'ZodDiscriminatedUnion': {
      const options = (def.options instanceof Map ? [...def.options.values()] : def.options) as z.ZodTypeAny[];
      return fc.oneof(...options.map((o) => validArb(o, known, key)));
    }
    case 'ZodObject': {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      const model = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, validArb(s, known, k)]));
      const requiredKeys = Object.keys(shape).filter((k) => !isOptional(shape[k]));
      return fc.record(model, { requiredKeys }).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default: throw new Error(`schema-arbitraries: no generator for ${def.typeName}; teach it this kind of schema`);
  }
}
