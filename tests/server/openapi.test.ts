import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { startHall } from './test-hall.js';

const required = [
  'issueTicket', 'getTicket', 'cancelTicket', 'callNext', 'callTicket', 'recall', 'startService', 'finishService', 'markNoShow',
  'requeueTicket', 'transferTicket', 'setWindowStatus', 'getHallState', 'login', 'logout', 'createAppointment', 'checkInAppointment',
  ...[['Area', 'Areas'], ['Service', 'Services'], ['Window', 'Windows'], ['Staff', 'StaffMembers'], ['PriorityClass', 'PriorityClasses']]
    .flatMap(([one, many]) => [`list${many}`, `create${one}`, `update${one}`, `delete${one}`]),
];

describe('the API description', () => {
  let t: TestHall;
  let document: any;
  beforeAll(async () => {
    t = await startHall();
    document = (await t.api('GET', '/openapi.json')).body;
  });
  afterAll(async () => t.stop());

  const operations = () => Object.entries(document.paths as Record<string, Record<string, any>>)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));

  it('is OpenAPI 3 and lists every operation the clients rely on, each once', () => {
    expect(document.openapi).toMatch(/^3\./);
    const ids = operations().map((op) => op.operationId);
    for (const id of required) expect(ids, id).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes where each operation lives, who may call it and how it refuses', () => {
    const byId = new Map(operations().map((op) => [op.operationId, op]));
    expect(byId.get('callNext')).toMatchObject({ path: '/api/windows/{windowId}/call-next', method: 'post' });
    expect(byId.get('getTicket')).toMatchObject({ path: '/api/visits/{ticketToken}', method: 'get' });
    expect(byId.get('issueTicket').requestBody.content['application/json'].schema.properties).toHaveProperty('serviceId');
    expect(byId.get('issueTicket').responses).toHaveProperty('201');
    for (const op of operations()) {
      expect(op.description, op.operationId).toMatch(/^Roles: /);
      expect(op.responses['4XX'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    }
  });

  it('answers every described route (no description of a route that does not exist)', async () => {
    for (const op of operations()) {
      const url = op.path.replace(/\{[^}]+\}/g, '1');
      const res = await fetch(t.url + url, { method: op.method.toUpperCase() });
      // Without credentials or a body each is refused, but by the operation itself, never "no such address".
      expect(res.status === 404 ? (await res.json()).message.en : 'routed', `${op.method} ${op.path}`).not.toBe('No such address');
    }
  });

  it('serves a readable HTML page at /docs', async () => {
    const res = await fetch(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('接口文档');
    // The page loads the UI and its own start script, which points the UI at this hall's description.
    expect(html).toContain('src="/docs/static/swagger-ui-bundle.js"');
    expect(html).toContain('src="/docs/start.js"');
    expect(await (await fetch(`${t.url}/docs/start.js`)).text()).toContain("url: '/openapi.json'");
  });

  it('serves only the files of the docs page from swagger-ui-dist (not its demo page pointing at another API)', async () => {
    for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
      // Read whole, as a browser does: a response left unread holds its connection open.
      const res = await fetch(`${t.url}/docs/static/${file}`);
      expect(res.status, file).toBe(200);
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(100_000);
    }
    for (const file of ['index.html', 'swagger-initializer.js', 'package.json', '..%2F..%2Fpackage.json']) {
      expect((await fetch(`${t.url}/docs/static/${file}`)).status, file).toBe(404);
    }
  });
});
