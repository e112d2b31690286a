/** The hall's masked forms (110101********0016, 张*), the only forms of an identity a log line may hold. */
export { maskIdNumber, maskName } from '../../protocol/id-number.js';
