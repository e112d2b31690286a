/** The rating step's sentences, Chinese first. */
export const ratingWords = {
  title: { zh: '请为本次服务评价', en: 'Please rate this service' },
  hint: { zh: '好差评：您的评价将用于改进服务', en: 'Your rating helps the hall improve' },
  why: { zh: '请选择不满意的原因（可多选）', en: 'What went wrong? (choose any)' },
  commentLabel: { zh: '请简要说明', en: 'Tell us briefly' },
  send: { zh: '提交评价', en: 'Send rating' },
  sending: { zh: '正在提交…', en: 'Sending…' },
  needReason: { zh: '请至少选择一个原因', en: 'Please choose at least one reason' },
  needComment: { zh: '选择“其他”时请填写说明', en: 'Please describe "Other"' },
  thanks: { zh: '感谢您的评价！', en: 'Thank you for your rating!' },
  yourRating: { zh: '您的评价', en: 'Your rating' },
};
