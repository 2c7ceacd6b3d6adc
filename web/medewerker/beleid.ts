// The beleid dashboard: draws each chart from the Vega-Lite spec the server put in the page.
//
// Under our CSP (no eval, no inline styles in markup) vega's default expression evaluator, which
// builds functions with `new Function`, is blocked. So the spec is parsed to an AST
// (`vega.parse(spec, config, {ast: true})`) and run by vega-interpreter, rendered as live SVG
// (vega only touches styles through the CSSOM, which the CSP allows). The table next to each
// chart stays the accessible source of truth; the chart container is role="img" with the
// one-sentence summary as its label, so the SVG itself is hidden from assistive technology.
import { parse, View } from "vega";
import { expressionInterpreter } from "vega-interpreter";
import { compile } from "vega-lite";
import type { TopLevelSpec } from "vega-lite";

/** Milliseconds spent drawing, per chart id (read by the browser test). */
const tijden: Record<string, number> = {};
declare global {
  interface Window {
    __beleidGrafieken?: Promise<Record<string, number>>;
  }
}

async function teken(container: HTMLElement): Promise<void> {
  const id = container.dataset.spec;
  const bron = id ? document.getElementById(id) : null;
  if (!id || !bron?.textContent) return;
  const begin = performance.now();
  container.hidden = false; // measure the width it will have
  const spec = JSON.parse(bron.textContent) as TopLevelSpec & {
    width?: number;
    autosize?: unknown;
    config?: { axis?: { labelLimit?: number }; legend?: { columns?: number } };
  };
  const breedte = Math.max(200, Math.floor(container.clientWidth));
  // The whole chart (axes and legend included) fits the container, at any width or zoom.
  spec.width = breedte;
  spec.autosize = { type: "fit-x", contains: "padding" };
  if (spec.config?.axis) spec.config.axis.labelLimit = breedte < 480 ? 110 : 220;
  if (spec.config?.legend && breedte < 640) spec.config.legend.columns = 1; // one entry a line
  const vega = compile(spec).spec;
  // vega gives its own container role="graphics-document" and a label; ours keeps role="img"
  // with the summary, so vega draws into a child and its ARIA attributes are taken off again.
  const doel = document.createElement("div");
  container.replaceChildren(doel);
  const view = new View(parse(vega, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: "svg",
    container: doel,
    hover: false,
  });
  await view.runAsync();
  for (const naam of ["role", "aria-roledescription", "aria-label"]) doel.removeAttribute(naam);
  const svg = doel.querySelector("svg");
  if (svg) {
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
  }
  tijden[id] = performance.now() - begin;
}

async function tekenAlles(): Promise<Record<string, number>> {
  const containers = Array.from(document.querySelectorAll<HTMLElement>("[data-spec]"));
  for (const container of containers) {
    try {
      await teken(container);
    } catch (fout) {
      // The table next to it has the same numbers: say so instead of leaving a hole.
      container.hidden = true;
      const melding = container.parentElement?.querySelector<HTMLElement>(".beleid__grafiek-fout");
      if (melding) melding.hidden = false;
      console.error("grafiek niet getekend", fout);
    }
  }
  return tijden;
}

function start(): void {
  window.__beleidGrafieken = tekenAlles();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
