// The loket page: filters remembered in this tab, "Kopieer samenvatting", and the print button.
// Everything works without this script except copying (the form is a plain GET form).

const SLEUTEL = "wegwijzer.loket.filters";
/** Filters kept for the session. Not the free text: it may say something about the resident. */
const FILTERS = ["thema", "wijk", "postcode", "leeftijd", "doelgroep", "niveau", "limiet"];

type Bewaard = Record<string, string[]>;

function bewaar(form: HTMLFormElement): void {
  const data = new FormData(form);
  const bewaard: Bewaard = {};
  for (const naam of FILTERS) {
    bewaard[naam] = data.getAll(naam).map(String);
  }
  try {
    sessionStorage.setItem(SLEUTEL, JSON.stringify(bewaard));
  } catch {
    // Storage may be off (private mode, policy): the form still works, only unremembered.
  }
}

function lees(): Bewaard | null {
  try {
    const tekst = sessionStorage.getItem(SLEUTEL);
    const waarde: unknown = tekst ? JSON.parse(tekst) : null;
    return waarde && typeof waarde === "object" ? (waarde as Bewaard) : null;
  } catch {
    return null;
  }
}

/** Opened without a query (a fresh /loket): put the session's filters back in the form. */
function herstel(form: HTMLFormElement): void {
  const bewaard = lees();
  if (!bewaard || location.search) return;
  for (const naam of FILTERS) {
    const waarden = Array.isArray(bewaard[naam]) ? bewaard[naam].map(String) : [];
    for (const veld of Array.from(form.elements)) {
      if (!(veld instanceof HTMLInputElement || veld instanceof HTMLSelectElement)) continue;
      if (veld.name !== naam) continue;
      if (veld instanceof HTMLInputElement && veld.type === "checkbox") {
        veld.checked = waarden.includes(veld.value);
      } else if (waarden.length > 0) {
        veld.value = waarden[0];
      }
    }
  }
}

async function kopieer(knop: HTMLButtonElement): Promise<void> {
  const tekst = knop.dataset.samenvatting ?? "";
  const doel = knop.getAttribute("aria-describedby");
  const bevestiging = doel ? document.getElementById(doel) : null;
  try {
    await navigator.clipboard.writeText(tekst);
    if (bevestiging) bevestiging.textContent = "Samenvatting gekopieerd. Plak hem in uw mail of bericht.";
  } catch {
    if (bevestiging) {
      bevestiging.textContent = "Kopiëren lukt niet in deze browser. Selecteer de tekst hieronder en kopieer hem zelf.";
      const pre = document.createElement("pre");
      pre.className = "loket__samenvatting";
      pre.textContent = tekst; // text, never HTML: the kaart's content is not trusted
      bevestiging.after(pre);
    }
  }
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-loket-zoek]");
  if (form) {
    herstel(form);
    form.addEventListener("submit", () => bewaar(form));
  }
  document.querySelector<HTMLAnchorElement>("[data-loket-wis]")?.addEventListener("click", () => {
    try {
      sessionStorage.removeItem(SLEUTEL);
    } catch {
      // nothing remembered, nothing to forget
    }
  });
  for (const knop of Array.from(document.querySelectorAll<HTMLButtonElement>("button.loket__kopieer"))) {
    knop.addEventListener("click", () => void kopieer(knop));
  }
  document.querySelector<HTMLButtonElement>("[data-loket-print]")?.addEventListener("click", () => window.print());
}

start();
