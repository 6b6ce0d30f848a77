// The cost-versus-benefit scatter of Compare Candidates' view model, drawn with uPlot (canvas, no eval): expected and
// measured benefit joined per candidate, the Pareto front as a line, the target as a reference line, colours from the
// theme. Compare Candidates and the Discovery report draw it with this one function.
import * as l10n from '@vscode/l10n';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CompareModel, ScatterPoint } from '../../src/core/views/compare-model';
import { bidi, isolate } from './bidi';
import { withNodes } from './l10n';
import type { ThemeColours } from './theme';
import { el } from './vscode';
import './scatter.css';

/**
 * Draws the scatter into `holder` (emptied first): per candidate its expected benefit and its measured value at its
 * cost, joined; the Pareto front; the target. `onSelect` is called with the candidate of a point clicked.
 */
export function drawCostBenefit(holder: HTMLElement, m: CompareModel, points: readonly ScatterPoint[], colours: ThemeColours, onSelect?: (candidate: string) => void): uPlot | undefined {
  holder.replaceChildren();
  const metric = m.scatter.metric;
  holder.append(
    metric
      ? el('h2', {}, ...withNodes(metric.goal === 'maximize' ? l10n.t('Cost versus {0} (higher is better)') : l10n.t('Cost versus {0} (lower is better)'), bidi(metric.id)))
      : el('h2', { text: l10n.t('Cost versus benefit') }),
  );
  if (!metric || points.length === 0) {
    holder.append(el('p', { class: 'empty', text: l10n.t('No candidate has both a cost and an expected or measured value of the primary metric.') }));
    return undefined;
  }
  const [expectedColour, measuredColour, frontColour] = colours.series;
  const expected = points.filter((p) => p.expected !== undefined);
  const measured = points.filter((p) => p.measured !== undefined);
  // The front joins each candidate's benefit as the core counted it: measured by the pipeline, else expected.
  const frontPoints = m.scatter.front.flatMap((id) => points.filter((p) => p.candidate === id && p.benefit !== undefined));
  const xs = points.map((p) => p.cost);
  const ys = points.flatMap((p) => [p.expected, p.measured].filter((v): v is number => v !== undefined));
  if (metric.target) ys.push(metric.target.value);
  const pad = (lo: number, hi: number) => (hi - lo || Math.abs(hi) || 1) * 0.1;
  const [xMin, xMax] = [Math.min(0, ...xs), Math.max(...xs)];
  const [yMin, yMax] = [Math.min(...ys), Math.max(...ys)];
  type Facet = [number[], (number | null)[]];
  const data: Facet[] = [];
  const series: uPlot.Series[] = [{}];
  const add = (label: string, facet: Facet, stroke: string, opts: { line: boolean; points: boolean; dash?: number[]; width?: number }) => {
    data.push(facet);
    series.push({
      label,
      facets: [{ scale: 'x', auto: false }, { scale: 'y', auto: false }],
      stroke,
      width: opts.width ?? 1.5,
      ...(opts.dash ? { dash: opts.dash } : {}),
      // Points series are drawn by uPlot's points path builder (mode 2 draws no markers on its own).
      points: { show: false, size: 9, width: 0 },
      ...(opts.points ? { paths: uPlot.paths.points!(), fill: stroke } : {}),
    } as uPlot.Series);
  };
  // One thin line per candidate from its expected to its measured value.
  for (const p of points) if (p.expected !== undefined && p.measured !== undefined) add(`${p.candidate}`, [[p.cost, p.cost], [p.expected, p.measured]], colours.muted, { line: true, points: false, width: 1 });
  if (metric.target) add(l10n.t('target {0}', metric.target.text), [[xMin - pad(xMin, xMax), xMax + pad(xMin, xMax)], [metric.target.value, metric.target.value]], colours.failed, { line: true, points: false, dash: [6, 4] });
  if (frontPoints.length > 0) add(l10n.t('Pareto front'), [frontPoints.map((p) => p.cost), frontPoints.map((p) => p.benefit?.value ?? null)], frontColour, { line: true, points: false, width: 2 });
  add(l10n.t({ message: 'expected', args: [], comment: ["A candidate's expected value of the metric (a point of the chart)"] }), [expected.map((p) => p.cost), expected.map((p) => p.expected ?? null)], expectedColour, { line: false, points: true });
  add(l10n.t({ message: 'measured', args: [], comment: ["A candidate's measured value of the metric (a point of the chart)"] }), [measured.map((p) => p.cost), measured.map((p) => p.measured ?? null)], measuredColour, { line: false, points: true });
  const width = Math.max(320, Math.min(holder.clientWidth || 640, 900));
  const axis = { stroke: colours.foreground, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
  const opts: uPlot.Options = {
    mode: 2,
    width,
    height: 320,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: () => [xMin - pad(xMin, xMax), xMax + pad(xMin, xMax)] },
      y: { range: () => [yMin - pad(yMin, yMax), yMax + pad(yMin, yMax)] },
    },
    axes: [
      { ...axis, label: l10n.t('cost (effort days + compute hours ÷ 8)'), labelSize: 20 },
      { ...axis, label: isolate(metric.id), labelSize: 20, size: 60 },
    ],
    series,
    hooks: {
      // Candidate ids beside their expected (or measured) point, in the theme's text colour.
      draw: [
        (u) => {
          const ctx = u.ctx;
          ctx.save();
          ctx.fillStyle = colours.foreground;
          ctx.font = `${Math.round(11 * devicePixelRatio)}px ${getComputedStyle(document.body).fontFamily}`;
          for (const p of points) {
            const y = p.expected ?? p.measured;
            if (y === undefined) continue;
            const px = u.valToPos(p.cost, 'x', true);
            const py = u.valToPos(y, 'y', true);
            ctx.fillText(isolate(p.candidate), px + 7 * devicePixelRatio, py - 5 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
  const chart = el('div', { class: 'chart', attrs: { role: 'img', 'aria-label': scatterDescription(m, points.map((p) => p.candidate)) } });
  holder.append(chart, legend(colours, m));
  const plot = new uPlot(opts, [null, ...data] as unknown as uPlot.AlignedData, chart);
  if (onSelect) chart.addEventListener('click', (e) => {
    const rect = plot.over.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    let best: { id: string; d: number } | undefined;
    for (const p of points) {
      for (const v of [p.expected, p.measured]) {
        if (v === undefined) continue;
        const d = Math.hypot(plot.valToPos(p.cost, 'x') - x, plot.valToPos(v, 'y') - y);
        if (d < 12 && (!best || d < best.d)) best = { id: p.candidate, d };
      }
    }
    if (best) onSelect(best.id);
  });
  return plot;
}

function scatterDescription(m: CompareModel, ids: readonly string[]): string {
  const front = m.scatter.front.filter((id) => ids.includes(id));
  const metric = m.scatter.metric;
  return [
    metric ? l10n.t('Scatter of cost versus {0} for {1}.', metric.id, ids.join(', ')) : l10n.t('Scatter of cost versus benefit for {0}.', ids.join(', ')),
    front.length > 0 ? l10n.t('Pareto front: {0}.', front.join(', ')) : l10n.t('Pareto front: none.'),
    ...(metric?.target ? [l10n.t('Target {0}.', metric.target.text)] : []),
  ].join(' ');
}

function legend(colours: ThemeColours, m: CompareModel): HTMLElement {
  const item = (cls: string, text: string, colour: string) => {
    const swatch = el('span', { class: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } });
    swatch.style.setProperty('--swatch', colour);
    return el('li', {}, swatch, document.createTextNode(` ${text}`));
  };
  return el(
    'ul',
    { class: 'legend' },
    item('dot', l10n.t({ message: 'expected', args: [], comment: ["A candidate's expected value of the metric (a point of the chart)"] }), colours.series[0]),
    item('dot', l10n.t('measured (latest)'), colours.series[1]),
    item('line', l10n.t('Pareto front (measured by the pipeline, else expected)'), colours.series[2]),
    m.scatter.metric?.target ? item('dash', l10n.t('target {0}', m.scatter.metric.target.text), colours.failed) : undefined,
  );
}

