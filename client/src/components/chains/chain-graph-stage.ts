import type { Stage } from '@contract/api';
import type { Strings } from '../../lib/i18n';

/** A stage's label (上游 / 中游 / 下游) in the UI language; apart from the graph so lists can use it without its chunk. */
export function stageLabel(t: Strings, stage: Stage): string {
  return stage === 'upstream' ? t.chainGraph.stageUpstream : stage === 'midstream' ? t.chainGraph.stageMidstream : t.chainGraph.stageDownstream;
}
