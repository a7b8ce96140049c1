import { useI18n } from '../../hooks/use-i18n';
import { useSources } from '../../hooks/use-sources';
import './chain-graph.css';

/**
 * Opens the chain graph of `chainId` (at `segment` when given). `name` is the chain's name, read out with the
 * button so a list of them stays distinguishable; nothing is rendered outside a SourcesProvider.
 */
export function ChainGraphButton({ chainId, segment = null, name, long = false, className = 'link-button' }: {
  chainId: string;
  segment?: string | null;
  name: string;
  long?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  const sources = useSources();
  if (!sources) return null;
  const text = long ? t.chainGraph.openLong : t.chainGraph.open;
  return (
    <button
      type="button"
      className={`${className} cg-open`}
      data-chain-id={chainId}
      data-segment={segment ?? undefined}
      aria-label={`${text}: ${name}`}
      onClick={() => sources.openChainGraph(chainId, segment)}
    >
      {text}
    </button>
  );
}
