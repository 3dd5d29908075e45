import type { TopLevelSpec } from "vega-lite";
import type { Translate } from "../i18n.js";
import { clampText, MAX_CAPTION } from "../telegram/limits.js";
import { formatTime } from "../time.js";
import { COLOURS, type Frame } from "./charts.js";
import { FONT_FAMILY, fitText } from "./fonts.js";
import { checkinsPanel, deliveriesPanel, failuresByCount, invitesPanel, registrationsPanel, wavePanel, type PanelInput } from "./panels.js";
import { svgToPng } from "./svg-png.js";
import type { StatsData } from "./types.js";
import { chartSvg } from "./vega-svg.js";

/**
 * The picture behind /stats: one PNG an organiser reads at a glance, and its
 * caption with the key numbers.
 *
 * Stack: Vega-Lite specs compiled by Vega to SVG headless (no canvas, no
 * browser), rasterised by resvg (@resvg/resvg-js, a prebuilt binary inside
 * the npm package) with PT Sans loaded from its file. Chosen over Chart.js on
 * @napi-rs/canvas because resvg can be told to ignore the system's fonts, so
 * what the tests see is what a server with no fonts draws; the charts stay
 * declarative data, testable without pixels; and nothing runs a browser.
 * Vega measures text with the same font (see vega-svg.ts) so labels are laid
 * out, and cut, as they are drawn.
 */

/** Portrait, so a phone held upright shows it at its largest. */
export const PICTURE = { width: 1200, height: 1600 } as const;
const HEADER = 130;
const HALF = PICTURE.width / 2;
const ROW = (PICTURE.height - HEADER) / 3;

interface Cell {
  x: number;
  y: number;
  width: number;
  panel: (input: PanelInput) => TopLevelSpec;
}

/** Registrations and invites, the open wave and deliveries, then the event day across the whole width. */
const CELLS: readonly Cell[] = [
  { x: 0, y: HEADER, width: HALF, panel: registrationsPanel },
  { x: HALF, y: HEADER, width: HALF, panel: invitesPanel },
  { x: 0, y: HEADER + ROW, width: HALF, panel: wavePanel },
  { x: HALF, y: HEADER + ROW, width: HALF, panel: deliveriesPanel },
  { x: 0, y: HEADER + 2 * ROW, width: PICTURE.width, panel: checkinsPanel },
];

/** The overview as a PNG of PICTURE's size, every text from `t`, times in `data.timeZone`. */
export async function renderStats(data: StatsData, t: Translate): Promise<Buffer> {
  const numbers = numberMarks(t);
  const panels: string[] = [];
  for (const cell of CELLS) {
    const svg = await chartSvg(cell.panel({ data, t, frame: { width: cell.width, height: ROW, numbers } }));
    panels.push(`<g transform="translate(${cell.x} ${cell.y})">${svg}</g>`);
  }
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE.width}" height="${PICTURE.height}" viewBox="0 0 ${PICTURE.width} ${PICTURE.height}">`,
    header(data, t),
    ...panels,
    `<path d="M0 ${HEADER}H${PICTURE.width}M0 ${HEADER + ROW}H${PICTURE.width}M0 ${HEADER + 2 * ROW}H${PICTURE.width}M${HALF} ${HEADER}V${HEADER + 2 * ROW}" stroke="#dee2e6" stroke-width="2"/>`,
    "</svg>",
  ].join("");
  return svgToPng(svg);
}

function title(data: StatsData, t: Translate): string {
  return data.eventName ? t("stats-title", { event: data.eventName }) : t("stats-title-default");
}

function header(data: StatsData, t: Translate): string {
  const asOf = t("stats-as-of", { time: formatTime(data.generatedAt, data.timeZone), zone: data.timeZone });
  const text = (y: number, size: number, weight: string, colour: string, content: string) =>
    `<text x="24" y="${y}" font-family="${FONT_FAMILY}" font-size="${size}" font-weight="${weight}" fill="${colour}">${escapeXml(fitText(content, PICTURE.width - 48, size, weight === "bold"))}</text>`;
  return text(62, 42, "bold", COLOURS.text, title(data, t)) + text(108, 26, "normal", COLOURS.muted, asOf);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The digit grouping and decimal mark the reader's language uses, read off a number Fluent formatted. */
function numberMarks(t: Translate): Frame["numbers"] {
  const marks = /^12(\D*)345(\D+)6$/.exec(t("stats-number", { value: 12345.6 }));
  return { thousands: marks?.[1] ?? ",", decimal: marks?.[2] ?? "." };
}

/** The key numbers under the picture, within Telegram's caption limit. */
export function statsCaption(data: StatsData, t: Translate): string {
  const { invites, wave, deliveries, checkins } = data;
  const failed = failuresByCount(data).reduce((sum, [, count]) => sum + count, 0);
  const lines = [
    t("stats-caption-heading", { title: title(data, t) }),
    t("stats-as-of", { time: formatTime(data.generatedAt, data.timeZone), zone: data.timeZone }),
    "",
    t("stats-caption-registrations", { total: data.registrations.at(-1)?.total ?? 0 }),
    t("stats-caption-invites", { ...invites, total: invites.used + invites.unused + invites.expired + invites.revoked }),
    wave
      ? t("stats-caption-wave", { ...wave, wave: wave.name, total: wave.available + wave.assigned + wave.sent + wave.archived + wave.missing + wave.revoked })
      : t("stats-caption-no-wave"),
    ...(wave && wave.missing > 0 ? [t("stats-caption-wave-missing", { missing: wave.missing })] : []),
    t("stats-caption-deliveries", { sent: deliveries.sent, failed }),
    t("stats-caption-checkins", { total: checkins.total, holders: checkins.holders }),
  ];
  return clampText(lines.join("\n"), MAX_CAPTION);
}
