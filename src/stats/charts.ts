import type { Config, TopLevelSpec } from "vega-lite";
import { FONT_FAMILY, textWidth } from "./fonts.js";

/**
 * The three kinds of panel the overview is made of, as Vega-Lite specs:
 * labelled horizontal bars, a time series, and a message in place of a chart
 * with nothing to show. Sizes are in pixels of the final picture: large type,
 * since the picture is read on a phone.
 */

export const COLOURS = {
  good: "#2f9e44",
  info: "#1c7ed6",
  infoLight: "#a5d8ff",
  neutral: "#868e96",
  warn: "#f08c00",
  bad: "#e03131",
  text: "#212529",
  muted: "#495057",
} as const;

export const TITLE_SIZE = 26;
const SUBTITLE_SIZE = 23;
const LABEL_SIZE = 20;
const PADDING = 16;
const BAR_LABEL_GAP = 8;
const AXIS_LABEL_PADDING = 12;

/** Where a panel goes and what it says around its chart. */
export interface Frame {
  width: number;
  height: number;
  title: string;
  /** The panel's key numbers, under its title. */
  subtitle?: string;
  /** Digit grouping and decimal mark of the reader's language, for axis numbers. */
  numbers: { thousands: string; decimal: string };
}

function base(frame: Frame) {
  const config: Config = {
    font: FONT_FAMILY,
    view: { stroke: null },
    axis: { labelFontSize: LABEL_SIZE, titleFontSize: LABEL_SIZE, titleFontWeight: "normal", labelColor: COLOURS.text, titleColor: COLOURS.muted },
    locale: { number: { ...frame.numbers, grouping: [3], currency: ["", ""] } },
  };
  return {
    width: frame.width,
    height: frame.height,
    autosize: { type: "fit", contains: "padding" } as const,
    padding: PADDING,
    background: "white",
    title: {
      text: frame.title,
      subtitle: frame.subtitle ?? "",
      anchor: "start" as const,
      fontSize: TITLE_SIZE,
      fontWeight: "bold" as const,
      color: COLOURS.text,
      subtitleFontSize: SUBTITLE_SIZE,
      subtitleColor: COLOURS.text,
      subtitlePadding: 6,
      limit: frame.width - 2 * PADDING,
      offset: 16,
    },
    config,
  };
}

export interface Bar {
  label: string;
  value: number;
  /** The value as the reader's language writes it, drawn at the end of the bar. */
  shown: string;
  colour: string;
}

/** One bar per row, its label on the left and its number at its end. */
export function barChart(frame: Frame, bars: Bar[]): TopLevelSpec {
  const labelLimit = Math.round(frame.width * 0.5);
  const labelWidth = Math.min(labelLimit, Math.max(...bars.map((b) => textWidth(b.label, LABEL_SIZE))));
  const numberWidth = Math.max(...bars.map((b) => textWidth(b.shown, LABEL_SIZE, true))) + BAR_LABEL_GAP;
  // The longest bar ends where its number still fits inside the panel.
  const plotWidth = Math.max(1, frame.width - 2 * PADDING - labelWidth - AXIS_LABEL_PADDING);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const domainMax = (max * plotWidth) / Math.max(1, plotWidth - numberWidth);
  return {
    ...base(frame),
    data: { values: bars },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, axis: { title: null, domain: false, ticks: false, labelPadding: AXIS_LABEL_PADDING, labelLimit } },
      x: { field: "value", type: "quantitative", axis: null, scale: { domain: [0, domainMax], nice: false } },
    },
    layer: [
      { mark: { type: "bar", cornerRadiusEnd: 4 }, encoding: { color: { field: "colour", type: "nominal", scale: null, legend: null } } },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: BAR_LABEL_GAP, fontSize: LABEL_SIZE, fontWeight: "bold", color: COLOURS.text },
        encoding: { text: { field: "shown" } },
      },
    ],
  };
}

export interface TimeSeries {
  /** Wall-clock times of the chosen zone written as UTC (see wallClockAsUtc in src/time.ts), so Vega's UTC axis shows local times. */
  points: Array<{ start: number; end?: number; value: number }>;
  kind: "area" | "bars";
  colour: string;
  xTitle: string;
  /** d3-time-format pattern of the axis labels. */
  xFormat: string;
  /** The stretch of time the axis covers. */
  domain: [number, number];
  /** Where the axis labels go (whole hours or days of the shown zone). */
  ticks: number[];
  yTitle: string;
}

/** Counts over time: a filled step line (running totals) or one bar per slot. */
export function timeChart(frame: Frame, series: TimeSeries): TopLevelSpec {
  const x = {
    field: "start",
    type: "temporal",
    scale: { type: "utc", domainMin: series.domain[0], domainMax: series.domain[1] },
    axis: { title: series.xTitle, format: series.xFormat, values: series.ticks, grid: false, labelOverlap: true },
  } as const;
  const y = { field: "value", type: "quantitative", axis: { title: series.yTitle, format: ",d", tickMinStep: 1, tickCount: 5 } } as const;
  const data = { values: series.points };
  if (series.kind === "area") {
    return {
      ...base(frame),
      data,
      mark: { type: "area", interpolate: "step-after", color: COLOURS.infoLight, line: { color: series.colour, strokeWidth: 3 }, point: series.points.length < 3 ? { size: 100, color: series.colour } : false },
      encoding: { x, y },
    };
  }
  return {
    ...base(frame),
    data,
    mark: { type: "bar", color: series.colour, stroke: "white", strokeWidth: 1 },
    encoding: { x, x2: { field: "end" }, y, y2: { datum: 0 } },
  };
}

/** A panel with a title and one line of text where its chart would be ("no data"). */
export function messagePanel(frame: Frame, message: string): TopLevelSpec {
  return {
    ...base(frame),
    data: { values: [{ message }] },
    mark: { type: "text", fontSize: TITLE_SIZE, color: COLOURS.neutral, align: "center", baseline: "middle" },
    encoding: { text: { field: "message" }, x: { value: { expr: "width / 2" } }, y: { value: { expr: "height / 2" } } },
  };
}
