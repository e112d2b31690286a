/**
 * What pino blanks out whatever is logged: identity fields never reach a log line, even from an error object that
 * carries a request body; and the secrets that travel in addresses (a device's `?token=` on its first visit, the
 * visit token in the phone's /m/t/<token> and in /api/visits/<token>/..., the booking token in /m/a/<token> and in
 * /api/bookings/<token>/...) are cut out of every URL logged, whoever logs it (Fastify's request lines, an error's
 * message), keeping the rest of the address for reading the log.
 */
const secretPaths = [
  'idNumber', 'name', 'identity', 'password', '*.idNumber', '*.name', '*.identity', '*.password',
  'req.headers.authorization', 'req.headers.cookie', 'body.identity', 'body.password',
];
/** Where an address can sit in a log line: Fastify's req.url, a url of our own, an error (and its stack) naming it. */
const addressPaths = ['url', '*.url', 'err.message', 'err.stack'];

const censor = '[redacted]';

/** A URL (or any text holding one) without the tokens in it. */
export function withoutTokens(text: string): string {
  return text
    // ?token=, &ticketToken=, any parameter whose name holds "token"
    .replace(/([?&][^=&#\s"']*token[^=&#\s"']*=)[^&#\s"']*/gi, `$1${censor}`)
    // the phone's ticket and booking pages, and the visit and booking routes, carry their token as a path segment
    .replace(/(\/m\/[ta]\/|\/api\/visits\/|\/api\/bookings\/)[^/?#\s"']+/g, `$1${censor}`);
}

export const redact = {
  paths: [...secretPaths, ...addressPaths],
  censor: (value: unknown, path: string[]): unknown => {
    const key = path.join('.');
    const address = path[path.length - 1] === 'url' || key === 'err.message' || key === 'err.stack';
    if (!address) return censor;
    return typeof value === 'string' ? withoutTokens(value) : value;
  },
};
