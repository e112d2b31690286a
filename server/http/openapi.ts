import { zodToJsonSchema } from 'zod-to-json-schema';
import type { Operation } from '../operations/operation.js';

const errorSchema = {
  type: 'object', required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
    details: { type: 'object' },
  },
};

function toJson(schema: Parameters<typeof zodToJsonSchema>[0]): Record<string, unknown> {
  const { $schema: _drop, ...rest } = zodToJsonSchema(schema, { target: 'openApi3' }) as Record<string, unknown>;
  return rest;
}

/** The OpenAPI 3 document, generated from the same operation list the routes are built from. */
export function openApiDocument(operations: Operation[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
      if (!schema) continue;
      const json = toJson(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s });
      }
    }
    (paths[path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      description: `Roles: ${op.roles.join(', ')}`,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(op.body) } } } } : {}),
      responses: {
        [String(op.successStatus ?? 200)]: { description: 'OK' },
        '4XX': { description: 'Refused, with a code and a message in Chinese and English', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Hall queue API 大厅排队叫号接口', version: '1.0.0', description: 'Every refusal carries a stable code and a message in Chinese and English.' },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hall_session' }, device: { type: 'http', scheme: 'bearer' } },
    },
  };
}
