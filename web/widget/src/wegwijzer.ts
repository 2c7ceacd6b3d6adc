// The Wegwijzer chat widget: one script tag on a gemeente page, no framework.
//
// It finds the app from its own URL, renders in an open shadow root (the host page's CSS cannot
// break it; assistive technology and tests still see it) and builds every node with
// createElement/textContent: nothing the bot or the kaart says is ever parsed as HTML. No inline
// styles and no eval, so it runs under a strict Content-Security-Policy.
import { type Bericht, type Config, type Knop, type Payload, Api, Onbereikbaar } from "./api";
import { Geheugen } from "./geheugen";
import { el, tekstAlinea, telLink } from "./dom";

const HERSTEL_MS = [1000, 2000, 3000, 5000, 8000];

class Widget {
  private readonly root: ShadowRoot;
  private readonly api: Api;
  private readonly geheugen = new Geheugen();
  private config!: Config;
  private log!: HTMLElement;
  private crisis!: HTMLElement;
  private status!: HTMLElement;
  private invoer!: HTMLTextAreaElement;
  private verstuur!: HTMLButtonElement;
  private teller!: HTMLElement;
  private paneel!: HTMLElement;
  private opener: HTMLButtonElement | null = null;
  private bezig = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly basis: URL,
    private readonly ingebed: boolean,
  ) {
    this.root = host.attachShadow({ mode: "open" });
    this.api = new Api(basis);
    for (const css of ["wegwijzer.css", "thema.css"]) {
      this.root.append(el("link", { rel: "stylesheet", href: new URL(css, basis).href }));
    }
  }

  async start(): Promise<void> {
    try {
      this.config = await this.api.config();
    } catch {
      this.root.append(
        el("p", { class: "ww-storing", role: "status" }, [
          "De chat is nu niet bereikbaar. Probeer het later nog eens. Bij gevaar: bel 112.",
        ]),
      );
      return;
    }
    this.bouw();
    if (this.ingebed) {
      this.openen(false);
    }
  }

  private bouw(): void {
    const c = this.config;
    const titelId = "ww-titel";
    this.log = el("div", {
      class: "ww-log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "aria-label": "Gesprek met Wegwijzer",
      tabindex: "0",
    });
    this.crisis = el("div", { class: "ww-crisis", role: "alert", hidden: "" });
    this.status = el("p", { class: "ww-status", role: "status" });
    this.invoer = el("textarea", {
      id: "ww-invoer",
      class: "ww-invoer utrecht-textarea",
      rows: "2",
      maxlength: String(c.max_tekens),
      autocomplete: "off",
      "aria-describedby": "ww-privacy ww-teller",
    }) as HTMLTextAreaElement;
    this.teller = el("span", { id: "ww-teller", class: "ww-teller" });
    this.verstuur = el("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action ww-verstuur" }, [
      "Verstuur",
    ]) as HTMLButtonElement;
    const formulier = el("form", { class: "ww-formulier", "aria-label": "Bericht aan Wegwijzer" }, [
      el("label", { for: "ww-invoer", class: "utrecht-form-label ww-label" }, ["Uw bericht"]),
      this.invoer,
      el("div", { class: "ww-formulier-rij" }, [this.teller, this.verstuur]),
    ]);
    formulier.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.stuurInvoer();
    });
    this.invoer.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        void this.stuurInvoer();
      }
    });
    this.invoer.addEventListener("input", () => this.telTekens());
    const wis = el("button", { type: "button", class: "utrecht-button utrecht-button--secondary-action ww-wis" }, [
      "Wis dit gesprek",
    ]);
    wis.addEventListener("click", () => void this.wis());

    const medewerker = el("p", { class: "ww-medewerker" }, [
      telLink(c.medewerker.telefoon, c.medewerker.tekst),
    ]);
    const kop = el("div", { class: "ww-kop" }, [
      el("h2", { id: titelId, class: "utrecht-heading-2 ww-titel" }, [`Wegwijzer – chat van ${c.gemeente}`]),
    ]);
    if (c.logo) {
      // Decorative: the heading already names the gemeente.
      kop.prepend(el("img", { src: new URL(c.logo, this.basis).href, alt: "", class: "ww-logo" }));
    }
    if (!this.ingebed) {
      const sluit = el("button", { type: "button", class: "utrecht-button utrecht-button--subtle ww-sluit" }, [
        "Sluit de chat",
      ]);
      sluit.addEventListener("click", () => this.sluiten());
      kop.append(sluit);
    }
    this.paneel = el(
      "section",
      { class: this.ingebed ? "ww ww--ingebed" : "ww ww--zwevend", "aria-labelledby": titelId, lang: "nl", hidden: "" },
      [
        kop,
        el("p", { class: "ww-ai utrecht-paragraph" }, [c.ai_melding]),
        medewerker,
        this.crisis,
        this.log,
        this.status,
        formulier,
        el("p", { id: "ww-privacy", class: "ww-privacy utrecht-paragraph" }, [
          `${c.privacy.tekst} `,
          el("a", { href: new URL(c.privacy.link, this.basis).href, class: "utrecht-link" }, [
            "Lees meer over privacy",
          ]),
        ]),
        el("div", { class: "ww-acties" }, [wis]),
      ],
    );
    this.paneel.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.ingebed) {
        this.sluiten();
      }
    });
    this.root.append(this.paneel);
    if (!this.ingebed) {
      this.opener = el("button", {
        type: "button",
        class: "utrecht-button utrecht-button--primary-action ww-opener",
        "aria-expanded": "false",
      }, ["Chat met Wegwijzer"]) as HTMLButtonElement;
      this.opener.addEventListener("click", () => this.openen(true));
      this.root.append(this.opener);
      // WCAG 2.4.11: a page element that gets focus must not disappear behind the open panel.
      document.addEventListener("focusin", (e) => this.ontwijkFocus(e.target));
      if (this.geheugen.wasOpen()) {
        this.openen(false);
      }
    }
    this.telTekens();
  }

  private openen(focus: boolean): void {
    this.paneel.hidden = false;
    if (this.opener) {
      this.opener.hidden = true;
      this.opener.setAttribute("aria-expanded", "true");
    }
    this.geheugen.zetOpen(true);
    if (this.log.childElementCount === 0) {
      const eerder = this.geheugen.berichten();
      if (eerder.length > 0) {
        for (const b of eerder) {
          this.toon(b, false);
        }
      } else {
        void this.stuur("/begroeten", null);
      }
    }
    if (focus) {
      this.invoer.focus();
    }
  }

  /** Close the floating panel when it would entirely cover the page element now focused. */
  private ontwijkFocus(doel: EventTarget | null): void {
    if (this.ingebed || this.paneel.hidden || !(doel instanceof Element) || this.host.contains(doel)) {
      return;
    }
    const v = doel.getBoundingClientRect();
    const p = this.paneel.getBoundingClientRect();
    const bedekt = v.left >= p.left && v.right <= p.right && v.top >= p.top && v.bottom <= p.bottom;
    if (bedekt) {
      this.sluiten(false);
    }
  }

  private sluiten(focusTerug = true): void {
    this.paneel.hidden = true;
    this.geheugen.zetOpen(false);
    if (this.opener) {
      this.opener.hidden = false;
      this.opener.setAttribute("aria-expanded", "false");
      if (focusTerug) {
        this.opener.focus();
      }
    }
  }

  private telTekens(): void {
    const over = this.config.max_tekens - this.invoer.value.length;
    this.teller.textContent = over < 200 ? `Nog ${over} tekens` : "";
  }

  private async stuurInvoer(): Promise<void> {
    const tekst = this.invoer.value.trim();
    if (!tekst || this.bezig) {
      return;
    }
    this.invoer.value = "";
    this.telTekens();
    await this.stuur(tekst, tekst);
  }

  /** Send ``bericht`` (a text or a button payload), showing ``zichtbaar`` as the resident's line. */
  private async stuur(bericht: string, zichtbaar: string | null): Promise<void> {
    this.bezig = true;
    this.verstuur.disabled = true;
    this.verwijderKnoppen();
    if (zichtbaar !== null) {
      this.toon({ van: "inwoner", tekst: zichtbaar }, true);
    }
    try {
      const berichten = await this.probeer(() => this.api.bericht(this.geheugen.gesprekId(), bericht));
      for (const b of berichten) {
        this.toon({ van: "bot", tekst: b.tekst, knoppen: b.knoppen, payload: b.payload }, true);
      }
    } catch (fout) {
      this.meld(fout instanceof Error ? fout.message : String(fout));
    } finally {
      this.bezig = false;
      this.verstuur.disabled = false;
    }
  }

  /** Retry while the app says Rasa is down or restarting; the resident sees "Even geduld…". */
  private async probeer<T>(actie: () => Promise<T>): Promise<T> {
    for (let poging = 0; ; poging++) {
      try {
        const resultaat = await actie();
        this.meld("");
        return resultaat;
      } catch (fout) {
        if (!(fout instanceof Onbereikbaar)) {
          throw fout;
        }
        this.meld(fout.message || this.config.even_geduld);
        const wacht = HERSTEL_MS[Math.min(poging, HERSTEL_MS.length - 1)];
        await new Promise((klaar) => setTimeout(klaar, wacht));
        await this.api.wachtTotGereed(wacht);
      }
    }
  }

  private meld(tekst: string): void {
    this.status.textContent = tekst;
  }

  private verwijderKnoppen(): void {
    for (const groep of Array.from(this.log.querySelectorAll(".ww-knoppen"))) {
      groep.remove();
    }
  }

  private toon(regel: Regel, bewaar: boolean): void {
    if (bewaar) {
      this.geheugen.voegToe(regel);
    }
    // A crisis, and huiselijk geweld (Veilig Thuis first), put their numbers above everything.
    if (regel.payload?.type === "crisis" || regel.payload?.type === "veilig_thuis") {
      this.toonCrisis(regel.payload);
    }
    const wie = regel.van === "inwoner" ? "U" : "Wegwijzer";
    const item = el("div", { class: `ww-bericht ww-bericht--${regel.van}` }, [
      el("span", { class: "ww-wie" }, [`${wie}: `]),
    ]);
    const inhoud = el("div", { class: "ww-inhoud" });
    item.append(inhoud);
    const p = regel.payload;
    if (p?.type === "aanbod" && Array.isArray(p.items)) {
      const intro = (regel.tekst ?? "").split("\n\n")[0];
      inhoud.append(...tekstAlinea(intro), aanbodLijst(p));
    } else if (p?.type === "verwijzing" && p.loket) {
      inhoud.append(...tekstAlinea(regel.tekst ?? ""), verwijzingKaart(p));
    } else if (regel.tekst) {
      inhoud.append(...tekstAlinea(regel.tekst));
    }
    if (regel.van === "bot" && regel.knoppen && regel.knoppen.length > 0 && bewaar) {
      inhoud.append(this.knoppen(regel.knoppen));
    }
    this.log.append(item);
    const snel = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    item.scrollIntoView({ block: "nearest", behavior: snel ? "auto" : "smooth" });
  }

  private knoppen(knoppen: Knop[]): HTMLElement {
    const groep = el("div", { class: "ww-knoppen", role: "group", "aria-label": "Kies een antwoord" });
    for (const k of knoppen) {
      const knop = el("button", { type: "button", class: "utrecht-button utrecht-button--secondary-action ww-keuze" }, [
        k.titel,
      ]);
      knop.addEventListener("click", () => {
        void this.stuur(k.payload, k.titel).then(() => this.invoer.focus());
      });
      groep.append(knop);
    }
    return groep;
  }

  private toonCrisis(p: Payload): void {
    this.crisis.replaceChildren(
      el("p", { class: "ww-crisis-kop" }, ["Direct hulp nodig? Bel:"]),
      el(
        "ul",
        { class: "ww-crisis-lijst" },
        (p.nummers ?? []).map((n) => el("li", {}, [telLink(n.telefoon, `${n.naam}: ${n.telefoon}`, "ww-crisis-nummer")])),
      ),
    );
    this.crisis.hidden = false;
  }

  private async wis(): Promise<void> {
    try {
      const melding = await this.api.wis(this.geheugen.gesprekId());
      this.geheugen.wis();
      this.log.replaceChildren();
      this.crisis.replaceChildren();
      this.crisis.hidden = true;
      this.meld(melding);
      this.invoer.focus();
      await this.stuur("/begroeten", null);
      this.meld(melding);
    } catch (fout) {
      this.meld(fout instanceof Error ? fout.message : String(fout));
    }
  }
}

export interface Regel {
  van: "inwoner" | "bot";
  tekst?: string | null;
  knoppen?: Knop[];
  payload?: Payload | null;
}

/** Same words as triage/teksten.py AANBOD_VEROUDERD (the bot's text says it too). */
const AANBOD_VEROUDERD = "Deze gegevens zijn al lang niet gecontroleerd. Bel eerst even of dit nog bestaat.";

function aanbodLijst(p: Payload): HTMLElement {
  const lijst = el("ul", { class: "ww-kaarten" });
  for (const item of p.items ?? []) {
    const kaart = el("li", { class: "ww-kaart" }, [
      el("h3", { class: "ww-kaart-naam" }, [item.naam]),
      el("p", { class: "ww-kaart-wat" }, [item.omschrijving]),
      el("p", { class: "ww-kaart-wie" }, [item.wijk ? `${item.organisatie} · ${item.wijk}` : item.organisatie]),
    ]);
    if (item.verouderd) {
      kaart.append(el("p", { class: "ww-kaart-verouderd" }, [AANBOD_VEROUDERD]));
    }
    const links = el("p", { class: "ww-kaart-links" });
    if (item.telefoon) {
      links.append(telLink(item.telefoon, `Bel ${item.telefoon}`));
    }
    if (item.website && /^https?:\/\//i.test(item.website)) {
      links.append(el("a", { href: item.website, class: "utrecht-link", rel: "noopener noreferrer" }, [
        `Website van ${item.naam}`,
      ]));
    }
    if (links.childElementCount > 0) {
      kaart.append(links);
    }
    lijst.append(kaart);
  }
  return lijst;
}

function verwijzingKaart(p: Payload): HTMLElement {
  const loket = p.loket!;
  const kaart = el("div", { class: "ww-kaart ww-kaart--verwijzing" }, [
    el("h3", { class: "ww-kaart-naam" }, [loket.naam]),
  ]);
  if (loket.openingstijden) {
    kaart.append(el("p", {}, [loket.openingstijden]));
  }
  const links = el("p", { class: "ww-kaart-links" }, [telLink(loket.telefoon, `Bel ${loket.telefoon}`)]);
  if (loket.website && /^https?:\/\//i.test(loket.website)) {
    links.append(el("a", { href: loket.website, class: "utrecht-link", rel: "noopener noreferrer" }, [
      `Website van ${loket.naam}`,
    ]));
  }
  kaart.append(links);
  return kaart;
}

function basisUrl(): URL {
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src || new URL("/wegwijzer.js", location.href).href;
  return new URL("./", src);
}

function opstarten(basis: URL): void {
  const plekken = Array.from(document.querySelectorAll<HTMLElement>("[data-wegwijzer]"));
  if (plekken.length > 0) {
    void new Widget(plekken[0], basis, true).start();
    return;
  }
  const host = document.createElement("div");
  host.className = "wegwijzer-widget";
  document.body.append(host);
  void new Widget(host, basis, false).start();
}

const BASIS = basisUrl();
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => opstarten(BASIS));
} else {
  opstarten(BASIS);
}
