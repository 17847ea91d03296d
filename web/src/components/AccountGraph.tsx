// The account graph of a campaign, drawn with cytoscape.js and the fCoSE force layout: accounts
// coloured by risk and sized by volume, links coloured by the family of evidence behind them.
// Large campaigns are cut to their most connected accounts so the page stays responsive.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CampaignGraph } from '../api.js';
import { formatInt, humanizeKind, KIND_FAMILIES, type KindFamily, kindFamily, riskColor } from '../format.js';
import { accountHref, navigate } from '../router.js';
import { EvidenceList } from './EvidenceList.js';

cytoscape.use(fcose);

/** At most this many accounts and links are drawn. */
const MAX_NODES = 400;
const MAX_EDGES = 3000;

/**
 * The family an edge is drawn in: that of its most specific kind (legend order) among the families
 * not hidden, or null when every kind of the edge is hidden.
 */
function edgeFamily(kinds: string[], hidden: ReadonlySet<string> = new Set()): KindFamily | null {
  const order = (f: KindFamily) => KIND_FAMILIES.findIndex((k) => k.id === f.id);
  const families = kinds.map(kindFamily).filter((f) => !hidden.has(f.id));
  return families.sort((a, b) => order(a) - order(b))[0] ?? null;
}

/** The families of an edge's kinds (each once). */
function edgeFamilies(kinds: string[]): Set<string> {
  return new Set(kinds.map((k) => kindFamily(k).id));
}

/** The drawn part of the graph: the most connected accounts and the strongest links between them. */
export function trimGraph(graph: CampaignGraph): { graph: CampaignGraph; trimmed: boolean } {
  if (graph.nodes.length <= MAX_NODES && graph.edges.length <= MAX_EDGES) return { graph, trimmed: false };
  const strength = new Map<string, number>();
  for (const e of graph.edges) {
    strength.set(e.source, (strength.get(e.source) ?? 0) + e.weight);
    strength.set(e.target, (strength.get(e.target) ?? 0) + e.weight);
  }
  const nodes = [...graph.nodes]
    .sort((a, b) => (strength.get(b.id) ?? 0) - (strength.get(a.id) ?? 0) || b.risk - a.risk)
    .slice(0, MAX_NODES);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = graph.edges
    .filter((e) => kept.has(e.source) && kept.has(e.target))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_EDGES);
  return { graph: { nodes, edges }, trimmed: true };
}

type GraphEdge = CampaignGraph['edges'][number];

interface Hovered {
  id: string;
  risk: number;
  exchanges: number | undefined;
  links: number;
  x: number;
  y: number;
}

/** The interactive graph with its legend; clicking an account opens its page. */
export function AccountGraph({ graph, exchanges }: { graph: CampaignGraph; exchanges: Map<string, number> }) {
  const host = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const [ready, setReady] = useState(false);
  const [selected, setSelected] = useState<GraphEdge | null>(null);
  // Reloads (after a review, say) bring equal data in new objects: keep the laid-out graph then.
  const signature = useMemo(
    () => `${JSON.stringify(graph)}|${JSON.stringify([...exchanges])}`,
    [graph, exchanges],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the content.
  const stable = useMemo(() => ({ graph, exchanges }), [signature]);
  const { graph: shown, trimmed } = useMemo(() => trimGraph(stable.graph), [stable]);
  const volumes = stable.exchanges;

  const familyCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of shown.edges) {
      for (const f of edgeFamilies(e.kinds)) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    return counts;
  }, [shown]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    setReady(false);
    setSelected(null);
    // Big graphs get smaller nodes and shorter links so they do not pile up into one blob.
    const big = shown.nodes.length > 150;
    const maxWeight = Math.max(1e-9, ...shown.edges.map((e) => e.weight));
    const maxVolume = Math.max(1, ...shown.nodes.map((n) => volumes.get(n.id) ?? 1));
    const degree = new Map<string, number>();
    for (const e of shown.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const ids = new Set(shown.nodes.map((n) => n.id));
    const edgeById = new Map<string, GraphEdge>();
    const elements: cytoscape.ElementDefinition[] = [
      ...shown.nodes.map((n) => ({
        group: 'nodes' as const,
        data: {
          id: n.id,
          risk: n.risk,
          color: riskColor(n.risk),
          size: (big ? 7 : 14) + (big ? 14 : 22) * Math.sqrt((volumes.get(n.id) ?? 1) / maxVolume),
          degree: degree.get(n.id) ?? 0,
        },
      })),
      ...shown.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
        .map((e, i) => {
          const family = edgeFamily(e.kinds) ?? kindFamily('other');
          edgeById.set(`e${i}`, e);
          return {
            group: 'edges' as const,
            data: {
              id: `e${i}`,
              source: e.source,
              target: e.target,
              family: family.id,
              color: family.color,
              width: 1 + 4 * (e.weight / maxWeight),
              kinds: e.kinds,
            },
          };
        }),
    ];
    const cy = cytoscape({
      container: el,
      elements,
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            width: 'data(size)',
            height: 'data(size)',
            'border-width': 1.5,
            'border-color': '#ffffff',
          },
        },
        {
          selector: 'node.hover',
          style: {
            'border-width': 3,
            'border-color': '#1f2937',
            label: 'data(id)',
            'font-size': 11,
            'z-index': 10,
          },
        },
        {
          selector: 'edge',
          style: {
            'line-color': 'data(color)',
            width: 'data(width)',
            opacity: 0.7,
            'curve-style': 'haystack',
          },
        },
        { selector: 'edge.faded', style: { opacity: 0.12 } },
        { selector: 'edge.selected', style: { opacity: 1, 'line-color': '#111827', width: 5, 'z-index': 9 } },
        { selector: '.hidden', style: { display: 'none' } },
      ],
      layout: { name: 'preset' },
    });
    cyRef.current = cy;
    const layout = cy.layout({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      nodeRepulsion: () => (big ? 9000 : 6500),
      idealEdgeLength: () => (big ? 45 : 70),
      edgeElasticity: () => 0.3,
      numIter: big ? 1500 : 2500,
      padding: 24,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      cy.fit(undefined, 24);
      setReady(true);
    });
    layout.run();

    cy.on('tap', 'node', (evt) => navigate(['accounts', evt.target.id()]));
    cy.on('tap', 'edge', (evt) => {
      cy.edges().removeClass('selected');
      evt.target.addClass('selected');
      setSelected(edgeById.get(evt.target.id()) ?? null);
    });
    cy.on('tap', (evt) => {
      if (evt.target === cy) {
        cy.edges().removeClass('selected');
        setSelected(null);
      }
    });
    cy.on('mouseover', 'node', (evt) => {
      const node = evt.target as cytoscape.NodeSingular;
      node.addClass('hover');
      cy.edges().addClass('faded');
      node.connectedEdges().removeClass('faded');
      const pos = node.renderedPosition();
      el.style.cursor = 'pointer';
      setHovered({
        id: node.id(),
        risk: node.data('risk'),
        exchanges: volumes.get(node.id()),
        links: node.data('degree'),
        x: pos.x,
        y: pos.y,
      });
    });
    cy.on('mouseout', 'node', (evt) => {
      evt.target.removeClass('hover');
      cy.edges().removeClass('faded');
      el.style.cursor = 'default';
      setHovered(null);
    });
    return () => {
      layout.stop();
      cy.destroy();
      cyRef.current = null;
    };
  }, [shown, volumes]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // A hidden family no longer counts for an edge: the edge takes the colour of its next family,
    // or disappears when nothing else links the two accounts.
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const family = edgeFamily(edge.data('kinds') as string[], hidden);
        if (!family) {
          edge.addClass('hidden');
          return;
        }
        edge.removeClass('hidden');
        edge.data({ family: family.id, color: family.color });
      });
    });
  }, [hidden]);

  const toggle = (family: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(family)) next.delete(family);
      else next.add(family);
      return next;
    });

  return (
    <div className="graph-wrap">
      <div
        className="graph"
        ref={host}
        data-testid="account-graph"
        data-nodes={shown.nodes.length}
        data-edges={shown.edges.length}
        data-ready={ready ? 'true' : 'false'}
      />
      {!ready && <div className="graph-overlay">Laying out {formatInt(shown.nodes.length)} accounts…</div>}
      {hovered && (
        <div className="graph-tip" style={{ left: hovered.x + 14, top: hovered.y + 14 }}>
          <strong>{hovered.id}</strong>
          <div>
            risk {hovered.risk.toFixed(2)} · {hovered.links} links
            {hovered.exchanges !== undefined && ` · ${formatInt(hovered.exchanges)} exchanges`}
          </div>
          <div className="muted small">click to open the account</div>
        </div>
      )}
      <div className="graph-legend">
        <div className="legend-group">
          <span className="legend-title">Accounts by risk</span>
          <span className="risk-gradient" />
          <span className="muted small">0 → 1</span>
        </div>
        <div className="legend-group">
          <span
            className="legend-title"
            title="A link is drawn in the colour of its first family in this order; hiding a family redraws links by their next one, and drops links that only it supports"
          >
            Links by evidence (click to leave out)
          </span>
          {KIND_FAMILIES.filter((f) => familyCounts.has(f.id)).map((f) => (
            <button
              type="button"
              key={f.id}
              className={`legend-item legend-toggle${hidden.has(f.id) ? ' off' : ''}`}
              onClick={() => toggle(f.id)}
              title={`Linked because ${f.explain}`}
            >
              <span className="legend-line" style={{ background: f.color }} />
              {f.label} <span className="muted">{formatInt(familyCounts.get(f.id) ?? 0)}</span>
            </button>
          ))}
        </div>
      </div>
      {selected && <LinkPanel edge={selected} onClose={() => setSelected(null)} />}
      <p className="muted small">
        {trimmed
          ? `Showing the ${formatInt(shown.nodes.length)} most connected of ${formatInt(graph.nodes.length)} accounts and ${shown.edges.length === MAX_EDGES ? 'the strongest ' : ''}${formatInt(shown.edges.length)} of the ${formatInt(graph.edges.length)} links (those between them).`
          : `${formatInt(shown.nodes.length)} accounts, ${formatInt(shown.edges.length)} links.`}{' '}
        Node size follows exchanges; link width follows its weight; click a link for its evidence. Link kinds
        seen:{' '}
        {[...new Set(shown.edges.flatMap((e) => e.kinds))].slice(0, 12).map(humanizeKind).join(', ') ||
          'none'}
        .
      </p>
    </div>
  );
}

/** Why two accounts are linked: the selected edge's evidence, or its kinds in words. */
function LinkPanel({ edge, onClose }: { edge: GraphEdge; onClose: () => void }) {
  return (
    <div className="link-panel" data-testid="link-panel">
      <div className="section-head">
        <strong>
          Link <a href={accountHref(edge.source)}>{edge.source}</a> ↔{' '}
          <a href={accountHref(edge.target)}>{edge.target}</a>{' '}
          <span className="muted">weight {edge.weight.toFixed(2)}</span>
        </strong>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      {edge.evidence?.length ? (
        <EvidenceList evidence={edge.evidence} accounts={new Set([edge.source, edge.target])} />
      ) : (
        <ul>
          {edge.kinds.map((k) => (
            <li key={k}>
              <strong>{humanizeKind(k)}</strong>: linked because {kindFamily(k).explain}.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
