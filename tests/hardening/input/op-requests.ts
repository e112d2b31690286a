import fc from 'fast-check';
import { z } from 'zod';
import type { Operation } from '../../../server/operations/operation.js';
import { hostileArb } from './hostile-values.js';
import { validArb, type KnownIds } from './schema-arbitraries.js';

/** What a client puts in a request: path parameters, query and body, as values before they are put on the wire. */
export interface OpInput { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown }

const paramNames = (op: Operation) => [...op.url.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** A valid-looking input, or one with something hostile in one of its parts (or in a part the op does not read). */
export function inputArb(op: Operation, kind: 'valid' | 'hostile', known: KnownIds = () => undefined): fc.Arbitrary<OpInput> {
  const part = (schema: z.ZodTypeAny | undefined, fallback: fc.Arbitrary<unknown>) => (schema ? validArb(schema, known) : fallback);
  const valid = fc.record({
    params: part(op.params as z.ZodTypeAny | undefined, fc.constant({})) as fc.Arbitrary<Record<string, unknown>>,
    query: part(op.query as z.ZodTypeAny | undefined, fc.constant({})) as fc.Arbitrary<Record<string, unknown>>,
    body: part(op.body as z.ZodTypeAny | undefined, fc.constant(undefined)),
  });
  if (kind === 'valid') return valid;
  const names = paramNames(op);
  const breakParams = op.params
    ? hostileArb(op.params as z.ZodTypeAny, known).map((p) => (p && typeof p === 'object' && !Array.isArray(p) ? p as Record<string, unknown> : Object.fromEntries(names.map((n) => [n, p]))))
    : fc.constant({});
  const broken: fc.Arbitrary<OpInput>[] = [
    fc.tuple(valid, breakParams).map(([v, params]) => ({ ...v, params })),
    fc.tuple(valid, hostileArb((op.query ?? emptyObject) as z.ZodTypeAny, known)).map(([v, q]) => ({ ...v, query: toQueryObject(q) })),
  ];
  // A GET carries no body (fetch will not even send one).
  if (op.method !== 'GET') broken.push(fc.tuple(valid, hostileArb((op.body ?? emptyObject) as z.ZodTypeAny, known)).map(([v, body]) => ({ ...v, body })));
  return fc.oneof(...broken);
}

/** Stands in for a part the operation does not read, so junk is sent there too. */
const emptyObject = z.object({});

function toQueryObject(q: unknown): Record<string, unknown> {
  return q && typeof q === 'object' && !Array.isArray(q) ? q as Record<string, unknown> : { q };
}

/** Lone surrogates cannot be percent-encoded; a browser would send U+FFFD instead, and so does this. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function asText(v: unknown): string {
  return wellFormed(typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v) ?? String(v));
}

export interface WireRequest { method: string; path: string; body?: string }

export function wireRequest(op: Operation, input: OpInput): WireRequest {
  const path = op.url.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(asText(input.params[k])));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) && v.length <= 20 ? v : [v]) qs.append(wellFormed(k), asText(item));
  }
  const query = qs.toString();
  return { method: op.method, path: query ? `${path}?${query}` : path, ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}) };
}

/**
 * Whether the operation's own schemas accept what the server will receive: path parameters and query as the
 * strings they travel as, the body after its JSON round trip. Refused here means the server must refuse too.
 */
export function schemasAccept(op: Operation, wire: WireRequest): boolean {
  const url = new URL(wire.path, 'http://x');
  const names = paramNames(op);
  const segments = url.pathname.split('/');
  const template = op.url.split('/');
  const params = Object.fromEntries(names.map((n) => [n, decodeURIComponent(segments[template.indexOf(`:${n}`)] ?? '')]));
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const had = query[k];
    query[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  const body = wire.body === undefined ? undefined : JSON.parse(wire.body);
  const ok = (schema: z.ZodTypeAny | undefined, value: unknown) => !schema || schema.safeParse(value).success;
  return ok(op.params as z.ZodTypeAny, params) && ok(op.query as z.ZodTypeAny, query) && ok(op.body as z.ZodTypeAny, body);
}

/** WebSocket commands carry path parameters and body as one flat object of arguments. */
export function commandArgs(input: OpInput): Record<string, unknown> {
  const body = input.body && typeof input.body === 'object' && !Array.isArray(input.body) ? input.body as Record<string, unknown> : input.body === undefined ? {} : { body: input.body };
  return { ...body, ...input.params };
}

/** Whether the operation's schemas accept a command's arguments, split as the hall splits them. */
export function commandAccepted(op: Operation, args: Record<string, unknown>): boolean {
  const keys = op.params && 'shape' in op.params ? Object.keys((op.params as z.AnyZodObject).shape) : [];
  const params = Object.fromEntries(Object.entries(args).filter(([k]) => keys.includes(k)));
  const body = Object.fromEntries(Object.entries(args).filter(([k]) => !keys.includes(k)));
  const ok = (schema: z.ZodTypeAny | undefined, value: unknown) => !schema || schema.safeParse(value).success;
  return ok(op.params as z.ZodTypeAny, params) && ok(op.body as z.ZodTypeAny, body) && ok(op.query as z.ZodTypeAny, {});
}
