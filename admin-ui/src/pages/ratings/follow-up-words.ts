import { followUpStepNames, type FollowUpStatus } from '../../../../protocol/ratings.js';
import type { Text } from '../../../../protocol/i18n.js';

export const statusNames: Record<FollowUpStatus, Text> = {
  open: { zh: '待回访', en: 'Open' },
  contacted: { zh: '已回访', en: 'Contacted' },
  rectified: { zh: '已整改', en: 'Rectified' },
  explained: { zh: '已解释', en: 'Explained' },
  appealed: { zh: '申诉中', en: 'Appealed' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const stepNames = followUpStepNames;

export const needNote: Text = { zh: '此步骤需要填写说明', en: 'This step needs a note' };
