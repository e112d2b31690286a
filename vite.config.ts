import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The browser clients, each its own page set, built together into dist/ and served by the hall server:
 * kiosk-ui (kiosk + phone page), caller-pad (staff + rating), display-board (TV wall), admin-ui.
 */
export default defineConfig({
  root: '.',
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: {
        kiosk: resolve('kiosk-ui/index.html'),
        phone: resolve('kiosk-ui/phone.html'),
        pad: resolve('caller-pad/index.html'),
        board: resolve('display-board/index.html'),
        admin: resolve('admin-ui/index.html'),
      },
    },
  },
});
