import fc from 'fast-check';
import type { z } from 'zod';
import { isOptional, validArb, type KnownIds } from './schema-arbitraries.js';

export const injections = [
  "' OR '1'='1", '1; DROP TABLE tickets; --', '" OR 1=1 --', '1 UNION SELECT password_hash FROM staff --', "'); DELETE FROM events; --",
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg/onload=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '%00', '%s%s%s%n', '\\u0000',
];

export const unicodeEdges = [
  '\u0000', '\uD800', 'a\uDFFFb', '\u202Eevil', '\u200B\u200B', '\uFEFF', '\uFFFF', '👨‍👩‍👧‍👦', 'e\u0301\u0301\u0301', '𠀀𠀁',
  'ｓｅｒｖｉｃｅ', '\r\n\r\nX-Injected: 1', '\t', ' ', '',
];

export const invalidIdNumbers = [
  '110105194912310021', '11010519491231002', '1101051949123100211', '11010519491331002X', 'ABCDEFGHIJKLMNOPQR', '000000000000000000',
  '１１０１０５１９４９１２３１００２X',
];

export const numberLookalikes = [
  0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 1, '1', '1e3', '0x10', ' 7', '７', 'NaN', 'Infinity', '-0', '9007199254740993', '00000000001', '1,2',
];

export const wrongTypes = [null, true, false, [], {}, [null], { '': '' }, 'text'];

/** value wrapped n levels deep, alternating arrays and objects. */
export function nested(depth: number, value: unknown = 1): unknown {
  let v = value;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const big = {
  string: 'A'.repeat(50_000),
  cjk: '号'.repeat(20_000),
  params: 'x'.repeat(2_000),
  array: Array.from({ length: 5_000 }, () => 1),
  wideObject: Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
};

/** Anything at all, whatever the field expects. */
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...injections, ...unicodeEdges, ...invalidIdNumbers, ...numberLookalikes, ...wrongTypes),
  fc.constantFrom<unknown>(big.string, big.cjk, big.params, big.array, big.wideObject),
  fc.constantFrom(10, 200, 1_000).map((d) => nested(d)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'admin', 'id', 'roles', '<script>', '', 'a'.repeat(300), '\u0000');

function def(schema: z.ZodTypeAny): { typeName: string; [k: string]: any } {
  return schema._def as never;
}

/**
 * An input of about the schema's shape with something wrong inside it: a field of another type, too long or too
 * short, out of range, missing, or an extra field; or something else entirely in its place.
 */
export function hostileArb(schema: z.ZodTypeAny, known: KnownIds = () => undefined, key = ''): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: hostileScalar, weight: 1 }, { arbitrary: shapedHostile(schema, known, key), weight: 2 });
}

function shapedHostile(schema: z.ZodTypeAny, known: KnownIds, key: string): fc.Arbitrary<unknown> {
  const d = def(schema);
  switch (d.typeName) {
    case 'ZodOptional': case 'ZodNullable': case 'ZodDefault': case 'ZodCatch': case 'ZodReadonly': return shapedHostile(d.innerType, known, key);
    case 'ZodEffects': return shapedHostile(d.schema, known, key);
    case 'ZodBranded': return shapedHostile(d.type, known, key);
    case 'ZodPipeline': return shapedHostile(d.out, known, key);
    case 'ZodLazy': return shapedHostile(d.getter(), known, key);
    case 'ZodString': {
      const max = (d.checks as { kind: string; value: number }[]).find((c) => c.kind === 'max' || c.kind === 'length')?.value ?? 1000;
      return fc.oneof(fc.constant('x'.repeat(max + 1)), fc.constantFrom(...injections, ...unicodeEdges, ...invalidIdNumbers), fc.constant(12345));
    }
    case 'ZodNumber': return fc.constantFrom<unknown>(...numberLookalikes, 0, -5, 1.25, '12', null);
    case 'ZodArray': return fc.oneof(
      fc.array(hostileArb(d.type, known, key), { minLength: 1, maxLength: 3 }),
      fc.constant(Array.from({ length: (d.maxLength?.value ?? 200) + 1 }, () => null)),
    );
    case 'ZodUnion': case 'ZodDiscriminatedUnion': {
      const options = (d.options instanceof Map ? [...d.options.values()] : d.options) as z.ZodTypeAny[];
      return fc.oneof(...options.map((o) => shapedHostile(o, known, key)));
    }
    case 'ZodObject': {
      const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
      const keys = Object.keys(shape);
      const valid = validArb(schema, known, key) as fc.Arbitrary<Record<string, unknown>>;
      const variants: fc.Arbitrary<unknown>[] = [
        fc.tuple(valid, hostileKeys, hostileScalar).map(([o, k, v]) => Object.fromEntries([...Object.entries(o), [k, v]])),
      ];
      if (keys.length) {
        variants.push(fc.tuple(valid, fc.constantFrom(...keys)).chain(([o, k]) => hostileArb(shape[k], known, k).map((v) => ({ ...o, [k]: v }))));
        const required = keys.filter((k) => !isOptional(shape[k]));
        if (required.length) variants.push(fc.tuple(valid, fc.constantFrom(...required)).map(([o, k]) => Object.fromEntries(Object.entries(o).filter(([x]) => x !== k))));
      }
      return fc.oneof(...variants);
    }
    default: return hostileScalar;
  }
}
