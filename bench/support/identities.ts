import { idCheckChar } from '../../protocol/id-number.js';
import type { Rng } from './rng.js';

const familyNames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '欧阳', '司马'];
const givenChars = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华'];

export interface SimIdentity { name: string; idNumber: string; birthDate: string }

/**
 * A made-up resident with a valid GB 11643 number. The index goes into the region and serial digits, so no two
 * visitors of a day share a number (the hall allows one active ticket per person per service).
 */
export function identityFor(index: number, age: number, hallDate: string, rng: Rng): SimIdentity {
  const [y, m, d] = hallDate.split('-').map(Number);
  const birthYear = y - age - (rng.chance(0.5) ? 1 : 0);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const birth = `${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  // Born on or before the hall date minus `age` years keeps the visitor at least `age` years old.
  const safeBirth = birthYear === y - age && (month > m || (month === m && day > d)) ? `${birthYear - 1}${birth.slice(4)}` : birth;
  const region = String(110000 + Math.floor(index / 1000)).padStart(6, '0');
  const first17 = `${region}${safeBirth}${String(index % 1000).padStart(3, '0')}`;
  const name = rng.pick(familyNames) + rng.pick(givenChars) + (rng.chance(0.6) ? rng.pick(givenChars) : '');
  return { name, idNumber: first17 + idCheckChar(first17), birthDate: `${safeBirth.slice(0, 4)}-${safeBirth.slice(4, 6)}-${safeBirth.slice(6, 8)}` };
}

/** Ages of visitors to a government hall: mostly working age, about one in eight aged 65 or over. */
export function visitorAge(rng: Rng): number {
  return rng.weighted([
    { weight: 0.2, value: rng.int(18, 29) },
    { weight: 0.3, value: rng.int(30, 44) },
    { weight: 0.37, value: rng.int(45, 64) },
    { weight: 0.13, value: rng.int(65, 88) },
  ]);
}
