export { IdCardReader, type CardRead, type IdCardReaderOptions, type ReaderStatus } from './reader.js';
export { LONG_TERM, type Gender, type Identity } from './identity.js';
export { IdCardError, type IdCardErrorCode } from './status-codes.js';
export { hasValidCheckDigit, checkCharacterOf } from './check-digit.js';
export { maskIdNumber, maskName } from './mask.js';
