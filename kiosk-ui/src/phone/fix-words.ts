import type { Text } from '../../../protocol/i18n.js';
import type { FollowUpStatus } from '../../../protocol/ratings.js';

/** Where the follow-up of a bad rating stands, as a visitor would say it, Chinese first. */
export const followUpStateWords: Record<FollowUpStatus, Text> = {
  open: { zh: '已收到您的意见，工作人员将尽快与您联系', en: 'We have your feedback; staff will contact you soon' },
  contacted: { zh: '工作人员已与您联系，正在整改', en: 'Staff have contacted you and are putting it right' },
  rectified: { zh: '问题已整改', en: 'The problem has been put right' },
  explained: { zh: '已向您解释说明', en: 'It has been explained to you' },
  appealed: { zh: '您的评价正在复核', en: 'Your rating is being reviewed' },
  closed: { zh: '已办结', en: 'The case is closed' },
};

export const fixWords = {
  title: { zh: '差评处理进度', en: 'Your feedback, followed up' },
  rateTitle: { zh: '请评价整改结果', en: 'How well was it put right?' },
  rateHint: { zh: '每次整改评价一次；不满意的，将重新整改', en: 'You rate each fix once; if you are not satisfied, it is put right again' },
  reopened: { zh: '您对整改结果不满意，已重新交办整改', en: 'You were not satisfied with the fix, so it is being put right again' },
  thanks: { zh: '感谢您对整改结果的评价！', en: 'Thank you for rating how it was put right!' },
  yours: { zh: '您对整改的评价', en: 'Your rating of the fix' },
  byCall: { zh: '（回访电话中记录）', en: '(recorded on the call-back)' },
} satisfies Record<string, Text>;
