import { closeSync, fdatasync, openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The floor of a ticket's round trip, in a process of its own like the hall: a bare node:http server that, for each
 * POST, parses the JSON body, writes 4 KB to a file and fdatasyncs it on libuv's thread pool before it answers 201
 * with a small JSON body. That is the hall's path with everything of the hall taken out (its journal's frames reach
 * the kernel on the main thread, and one fdatasync on the pool makes them durable before the reply). Driven by the
 * same kiosks at the same rate, its latency is what this machine gives any server that answers only once the disk
 * has the ticket.
 */
const fd = openSync(process.argv[2], 'w');
const block = Buffer.alloc(4096, 7);
let issued = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { serviceId: number };
    const id = ++issued;
    writeSync(fd, block, 0, block.length, (id % 256) * block.length);
    fdatasync(fd, () => {
      const reply = JSON.stringify({ ticket: { id, serviceId: body.serviceId, number: `A${id}` }, forecast: { position: 0, etaMinutes: 0 } });
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
      res.end(reply);
    });
  });
});

server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
process.on('disconnect', () => { closeSync(fd); process.exit(0); });
