import type { FastifyInstance } from 'fastify';

/**
 * The hall's icon (号 on red, 64x64 PNG), for browser tabs and for the /favicon.ico every browser asks for, which
 * otherwise shows as a failed request in each screen's console. Kept as bytes in code so the bundled server needs
 * no file beside it. Made by rendering the character in Noto Sans CJK with Chromium.
 */
const favicon = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAEQ0lEQVR4nOybX2gURxzHv7OeF2KiyUv02L02KZgaa4sRwYi02FJOj1YqpE0kkFZaah9890Foadq+qU8+11LJQ0JTtERsz+RBCCGkKPFEUJQYMd7cRfF/SC4Xkx1/c5oYvTtN3Ll1s3sfmNvd2R2433fm95s/u+PDPOgyjE9N4DM63cQY0yHEKjBWAichxBj9p5tCiDhd/U/pZJjz068qxnLdoJK+lGF8Twb/RJc6FidxEuYXP+d/fAJMZXsgQwABaF263khq/kqpGi6AWsUVDfgxxPnfLG3iMzIEiBhGI9X6n3RaDBdBIoxrQjRti8c75+Y/J8B/wWA9E6KDBNDgQkgECmVootjw10zerADdweAH5pPg4aqaz0KSKnnLNs6j8iJd09Lvp4F2uN94SbFgrFU8tT39c8owfqCm8B68w/vSZnnCTldUlKb8/iHy+wp4CSFulaRSq32P/P6vPGe8hLGV40VFX/rIFz6GRyHbN/tIiSp4FcZqaGwgquBRyPaAbAEBeBSKfQEfdX9F8C5lPlikuLISH/X24k3QU1eHiXgcVnDlmH8hFASAx7EcA3IxEYshdfs2VFC6Zg2WFOdnnpY3AWJtbRg6fBgq2NLdjdKaGuSDQgyAxykEQeSJ1fv2pZPTKbgAPE4hBsAiZiqFB9Eo3gTm5CSswk4FgwIephAD4HEWFAPWHToEY9cuOJnLLS24fuTIvJ8vuAA8TkEAeByl44BlVVX4sKdHLrg/f0MI9G7divFr1+A0lM4GjaamTOOJ+wMDjjReolSAVeFw1vyRzk44FWUusKK2FptPnICdRPfswa1IBFZQ1gL0+nrYTXJ4GFZRJkBgxw7YzejFi7CKEgECO3fCX2HvRyYTnEMFSgR4q7kZdjORSEAFSgQ409CAfPHO3r2o3r8/I1+F/0vytiqsilxvhMauXoUKFq0Ao5cuQQWOFsBXXo7lOQS4198PFThagJWhUNah9fjQEKZGR6ECjYaBKTiUt3fvzpov5xaKeKDRTG0ENlJSXY3la9e+9Jml1PTXHTyIFevXZ71/R844FSDIdvmVmBSgEjaxtKwMm44fx+sy9fAhEhbKz4UxNiIXRGx9q3H/7FnctfBV2fDRo1AFtYCoJkzzH9gM7+jA6yCHv4MHDkAVS4B2LZxIREiJc7CRxLFjmE4mF1RGRn45/VWGEOdDnPenu0EmhNwhpsax5omcyZVv3JjzvnznKFeRxgYHcbevDzdaW6EUIVrkYbaTjRjGAAWFDfACVPvbOa+Vp3NXhb+ltLB2uThJaox9PXMxK0CY8/OkzDdwMXLbnAk0h2KxCzN5GePMLl3/wmSsjdxhGdxFkgRooIo+OTcz697hbl3fMM1YO4nwLlyA3DpLh8Z0K3+Bl26enjSM76h3+BmLePM0Gf9bEee/z3vzdDaoh6Dy+JxSneO3z9M4SzPNPjL83+2JxCsnDY8BAAD//4UQEPUAAAAGSURBVAMAGLxrzhVeTrEAAAAASUVORK5CYII=',
  'base64',
);

export function registerFavicon(app: FastifyInstance): void {
  app.get('/favicon.ico', { logLevel: 'warn' }, async (_req, res) =>
    res.type('image/png').header('cache-control', 'public, max-age=86400').send(favicon));
}
