import type { FollowUpAction, FollowUpStatus } from '../../../../protocol/ratings.js';
import type { Text } from '../../../../protocol/i18n.js';

export const statusNames: Record<FollowUpStatus, Text> = {
  open: { zh: '待回访', en: 'Open' },
  contacted: { zh: '已回访', en: 'Contacted' },
  rectified: { zh: '已整改', en: 'Rectified' },
  explained: { zh: '已解释', en: 'Explained' },
  appealed: { zh: '申诉中', en: 'Appealed' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const stepNames: Record<FollowUpAction | 'open' | 'fixRated', Text> = {
  open: { zh: '差评立案', en: 'Case opened' },
  contact: { zh: '回访', en: 'Contacted' },
  rectify: { zh: '整改', en: 'Rectified' },
  explain: { zh: '解释说明', en: 'Explained' },
  close: { zh: '办结', en: 'Closed' },
  appeal: { zh: '申诉', en: 'Appeal' },
  uphold: { zh: '申诉成立', en: 'Appeal upheld' },
  withdraw: { zh: '撤回申诉', en: 'Appeal withdrawn' },
  fixRated: { zh: '整改评价', en: 'Fix rated' },
};

export const needNote: Text = { zh: '此步骤需要填写说明', en: 'This step needs a note' };
