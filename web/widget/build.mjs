// Builds web/static/build/: the widget bundle, its stylesheet and the page stylesheet.
//
// NL Design System per-component CSS (Utrecht, EUPL) plus only the design tokens that CSS uses,
// taken from the "voorbeeld" theme: the full theme is 200 KB; a page needs a few hundred tokens.
import { build, transform } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const hier = dirname(fileURLToPath(import.meta.url));
const web = join(hier, "..");
const uit = join(web, "static", "build");
const require = createRequire(import.meta.url);
const css = (pkg) => readFileSync(require.resolve(`${pkg}/dist/index.css`), "utf8");

const THEMA = readFileSync(
  require.resolve("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"),
  "utf8",
);
const COMPONENTEN = [
  "@utrecht/button-css",
  "@utrecht/textarea-css",
  "@utrecht/form-label-css",
  "@utrecht/paragraph-css",
  "@utrecht/link-css",
  "@utrecht/heading-2-css",
];

/** Every custom property of the theme, first definition wins. */
function tokens(themaCss) {
  const alle = new Map();
  for (const m of themaCss.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/gi)) {
    if (!alle.has(m[1])) alle.set(m[1], m[2].trim());
  }
  return alle;
}

/** The tokens ``bron`` refers to, and the tokens those refer to, and so on. */
function gebruikteTokens(bron, alle) {
  const gezien = new Map();
  const teDoen = [...bron.matchAll(/var\((--[a-z0-9-]+)/gi)].map((m) => m[1]);
  while (teDoen.length > 0) {
    const naam = teDoen.pop();
    if (gezien.has(naam) || !alle.has(naam)) continue;
    const waarde = alle.get(naam);
    gezien.set(naam, waarde);
    for (const m of waarde.matchAll(/var\((--[a-z0-9-]+)/gi)) teDoen.push(m[1]);
  }
  return [...gezien.entries()].sort(([a], [b]) => a.localeCompare(b));
}

async function stylesheet(selector, delen, naam) {
  const bron = delen.join("\n");
  const lijst = gebruikteTokens(bron, tokens(THEMA));
  const tokenBlok = `${selector} {\n${lijst.map(([k, v]) => `  ${k}: ${v};`).join("\n")}\n}\n`;
  const { code } = await transform(tokenBlok + bron, { loader: "css", minify: true });
  writeFileSync(join(uit, naam), code);
  return { naam, tokens: lijst.length, bytes: code.length };
}

mkdirSync(uit, { recursive: true });
await build({
  entryPoints: [join(hier, "src", "wegwijzer.ts")],
  outfile: join(uit, "wegwijzer.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  sourcemap: false,
});
const eigen = readFileSync(join(hier, "src", "wegwijzer.css"), "utf8");
const pagina = readFileSync(join(web, "static", "pagina.css"), "utf8");
const resultaten = [
  await stylesheet(":host", [...COMPONENTEN.map(css), eigen], "wegwijzer.css"),
  await stylesheet(":root", [css("@utrecht/link-css"), pagina], "pagina.css"),
];
// Staff pages (loket, beleid, beheer): every web/medewerker/<naam>.ts is a bundle of its own,
// every web/medewerker/<naam>.css a stylesheet (only the pages that need a script load it).
const medewerker = join(web, "medewerker");
const bestanden = readdirSync(medewerker).sort();
for (const ts of bestanden.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))) {
  await build({
    entryPoints: [join(medewerker, ts)],
    outfile: join(uit, ts.replace(/\.ts$/, ".js")),
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    legalComments: "none",
    sourcemap: false,
  });
}
for (const naam of bestanden.filter((f) => f.endsWith(".css"))) {
  resultaten.push(await stylesheet(":root", [readFileSync(join(medewerker, naam), "utf8")], naam));
}
copyFileSync(join(web, "static", "favicon.svg"), join(uit, "favicon.svg"));
for (const r of resultaten) console.log(`${r.naam}: ${r.bytes} bytes, ${r.tokens} tokens`);
