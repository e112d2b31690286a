/** GB 11643 lives with the wire contract so the reader, the server and the phone page agree on it. */
export { hasValidCheckDigit, idCheckChar as checkCharacterOf } from '../../protocol/id-number.js';
