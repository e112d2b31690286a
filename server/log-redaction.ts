/**
 * Paths pino blanks out whatever is logged: identity fields never reach a log line, even from an error object
 * that carries a request body.
 */
export const redact = {
  paths: [
    'idNumber', 'name', 'identity', 'password', '*.idNumber', '*.name', '*.identity', '*.password',
    'req.headers.authorization', 'req.headers.cookie', 'body.identity', 'body.password',
  ],
  censor: '[redacted]',
};
