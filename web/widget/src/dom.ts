// Small DOM helpers: every text goes in as a text node, never as HTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributen: Record<string, string> = {},
  kinderen: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [naam, waarde] of Object.entries(attributen)) {
    node.setAttribute(naam, waarde);
  }
  node.append(...kinderen);
  return node;
}

/** Paragraphs for a text with blank lines; single newlines become line breaks. */
export function tekstAlinea(tekst: string): HTMLElement[] {
  return tekst
    .split(/\n{2,}/)
    .filter((deel) => deel.trim().length > 0)
    .map((deel) => {
      const p = el("p", { class: "ww-alinea" });
      deel.split("\n").forEach((regel, i) => {
        if (i > 0) {
          p.append(document.createElement("br"));
        }
        p.append(regel);
      });
      return p;
    });
}

/** A phone number as a link that dials it; the visible text says what it is. */
export function telLink(telefoon: string, tekst: string, klasse = "utrecht-link"): HTMLAnchorElement {
  const nummer = telefoon.replace(/[^0-9+]/g, "");
  return el("a", { href: `tel:${nummer}`, class: klasse }, [tekst]);
}
