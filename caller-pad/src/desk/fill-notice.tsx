import type { FillReport } from '../../../protocol/device-messages.js';

/** What became of the last "fill business system": staff must know at once when the bridge could not type it in. */
export function FillNotice({ result }: { result: FillReport | null }) {
  if (result) {
    return result.ok ? (
      <p class="fill-notice fill-ok" role="status" data-testid="pad-fill-result">
        已录入业务系统（{result.fields} 项） <small>Filled into the business system ({result.fields} fields)</small>
      </p>
    ) : (
      <p class="fill-notice fill-failed" role="alert" data-testid="pad-fill-result">
        录入失败：{result.message?.zh ?? result.code ?? '未知原因'} <small>Fill failed: {result.message?.en ?? result.code ?? 'unknown'}</small>
      </p>
    );
  }
  return <p class="fill-notice" role="status" data-testid="pad-fill-result">正在录入… <small>Filling…</small></p>;
}
