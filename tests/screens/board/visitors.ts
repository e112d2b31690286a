/** Made-up visitors with ID numbers that pass the GB 11643 check digit, for online tickets in board tests. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export function idNumber(first17: string): string {
  const sum = first17.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + checkChars[sum % 11];
}

const surnames = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];

/** The n-th visitor: a distinct person (name and ID), so one-ticket-per-person never refuses them. */
export function visitor(n: number): { name: string; idNumber: string } {
  return { name: `${surnames[n % surnames.length]}${'伟芳娜敏静丽强磊军洋'[n % 10]}`, idNumber: idNumber(`110105198${String(n % 10)}0101${String(100 + n).padStart(3, '0')}`) };
}
