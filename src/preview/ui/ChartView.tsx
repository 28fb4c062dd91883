/**
 * A `ChartSpec` drawn in the preview with recharts (MIT), from the same data table that the
 * results sheet holds: scatter charts with marker, line and dashed series over numeric x, line
 * charts over category x (the coefficients with their intervals), column charts.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { memo } from "react";
import type { ChartSeriesSpec, ChartSpec } from "../../engine/analyses/chartSpec";

const COLOURS = ["#0f6c74", "#c239b3", "#8a8886", "#ca5010"];
/**
 * Points drawn per series. recharts draws SVG, one element per point: three charts of 5,000
 * points held the page for ~9 s. Excel draws every point of the sheet's table; the preview
 * draws every k-th and says so.
 */
export const PREVIEW_POINTS = 400;
const WIDTH = 420;
const HEIGHT = 260;

/** Memoised: the page redraws on every edit, and a chart's spec never changes once placed. */
export const ChartView = memo(function ChartView({ chart }: { chart: ChartSpec }) {
  const step = thinning(chart);
  return (
    <figure className="chart" aria-label={chart.title}>
      <figcaption>{chart.title}</figcaption>
      {step > 1 && (
        <p className="chart-note">
          The preview draws 1 point in {step}; the sheet holds all {chart.data.length - 1}.
        </p>
      )}
      {chart.kind === "scatter" ? <ScatterView chart={chart} /> : <CategoryView chart={chart} />}
    </figure>
  );
});

/** Draw every k-th row of a scatter chart's table so that at most PREVIEW_POINTS are drawn. */
function thinning(chart: ChartSpec): number {
  return chart.kind === "scatter" ? Math.ceil((chart.data.length - 1) / PREVIEW_POINTS) : 1;
}

function seriesName(chart: ChartSpec, series: ChartSeriesSpec): string {
  return String(chart.data[0]?.[series.column] ?? `Series ${series.column}`);
}

function ScatterView({ chart }: { chart: ChartSpec }) {
  const step = thinning(chart);
  const rows = chart.data.slice(1).filter((_, i) => i % step === 0);
  return (
    <ScatterChart width={WIDTH} height={HEIGHT} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="x"
        name={chart.xAxisTitle}
        label={{ value: chart.xAxisTitle, position: "bottom" }}
        domain={["auto", "auto"]}
      />
      <YAxis type="number" dataKey="y" name={chart.yAxisTitle} domain={["auto", "auto"]} />
      <Tooltip />
      <Legend verticalAlign="top" />
      {chart.series.map((series, index) => {
        const points = rows
          // A blank cell is no point (Number(null) would plot it at 0).
          .filter((row) => typeof row[0] === "number" && typeof row[series.column] === "number")
          .map((row) => ({ x: row[0] as number, y: row[series.column] as number }))
          .filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y));
        if (series.style !== "markers") points.sort((a, b) => a.x - b.x);
        return (
          <Scatter
            key={series.column}
            name={seriesName(chart, series)}
            data={points}
            fill={COLOURS[index % COLOURS.length]}
            line={
              series.style === "markers"
                ? false
                : { strokeDasharray: series.style === "dashed" ? "5 4" : undefined }
            }
            shape={series.style === "markers" ? "circle" : () => <g />}
            isAnimationActive={false}
          />
        );
      })}
    </ScatterChart>
  );
}

function CategoryView({ chart }: { chart: ChartSpec }) {
  const data = chart.data
    .slice(1)
    .map((row) =>
      Object.fromEntries([
        ["x", row[0]],
        ...chart.series.map((s) => [seriesName(chart, s), row[s.column]]),
      ]),
    );
  const Chart = chart.kind === "column" ? BarChart : LineChart;
  return (
    <Chart
      width={WIDTH}
      height={HEIGHT}
      data={data}
      margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="x" type="category" label={{ value: chart.xAxisTitle, position: "bottom" }} />
      <YAxis />
      <Tooltip />
      <Legend verticalAlign="top" />
      {chart.series.map((series, index) => {
        const name = seriesName(chart, series);
        const colour = COLOURS[index % COLOURS.length];
        return chart.kind === "column" ? (
          <Bar key={series.column} dataKey={name} fill={colour} isAnimationActive={false} />
        ) : (
          <Line
            key={series.column}
            dataKey={name}
            stroke={series.style === "markers" ? "none" : colour}
            strokeDasharray={series.style === "dashed" ? "5 4" : undefined}
            dot={{ r: 4, fill: colour, stroke: colour }}
            isAnimationActive={false}
          />
        );
      })}
    </Chart>
  );
}
