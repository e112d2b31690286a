import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The files of swagger-ui-dist the page uses; nothing else of the package is served (its own index.html shows a demo API). */
const uiFiles = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js', '/favicon-32x32.png', '/favicon-16x16.png']);

const page = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>接口文档 · API</title>
  <link rel="stylesheet" href="/docs/static/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/static/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/static/swagger-ui-bundle.js"></script>
  <script src="/docs/start.js"></script>
</body>
</html>
`;

// A file of its own, not an inline script: the content security policy allows only the hall's own scripts.
const start = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', docExpansion: 'list', deepLinking: true });\n`;

/**
 * /docs: Swagger UI over the hall's OpenAPI document (/openapi.json), from the files of swagger-ui-dist. Only a
 * browser that opens /docs loads them; the Fastify plugins this replaces were loaded, with a YAML parser, on every
 * start of the hall (about 50 ms of the 350 ms a start took).
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const root = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/docs', async (_req, res) => res.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page));
  app.get('/docs/', async (_req, res) => res.redirect('/docs'));
  app.get('/docs/start.js', async (_req, res) => res.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(start));
  await app.register(fastifyStatic, {
    root, prefix: '/docs/static/', decorateReply: false, index: false, maxAge: '1d',
    allowedPath: (path) => uiFiles.has(path),
  });
}
