// The widget's only contact with the outside world: the app it was loaded from.

export interface Knop {
  titel: string;
  payload: string;
}

export interface Contact {
  naam: string;
  telefoon: string;
  email?: string | null;
  website?: string | null;
  openingstijden?: string | null;
}

export interface AanbodItem {
  id: string;
  naam: string;
  organisatie: string;
  omschrijving: string;
  niveau: string;
  wijk?: string | null;
  telefoon?: string | null;
  website?: string | null;
  email?: string | null;
  /** ISO date (JJJJ-MM-DD) the kaart last checked this offer, if ever. */
  laatst_gecontroleerd?: string | null;
  /** Not checked for longer than the kaart's freshness limit: tell the resident to call first. */
  verouderd?: boolean;
}

/** The engine's structured payload (docs/payload.schema.json). */
export interface Payload {
  type: string;
  items?: AanbodItem[];
  loket?: Contact;
  nummers?: { naam: string; telefoon: string }[];
  [veld: string]: unknown;
}

export interface Bericht {
  tekst: string | null;
  knoppen: Knop[];
  payload: Payload | null;
}

export interface Config {
  gemeente: string;
  medewerker: { telefoon: string; openingstijden: string | null; tekst: string };
  ai_melding: string;
  privacy: { tekst: string; link: string };
  max_tekens: number;
  even_geduld: string;
  te_lang: string;
  logo: string | null;
}

/** Rasa or the action server is down or restarting: wait and try again. */
export class Onbereikbaar extends Error {}

export class Api {
  constructor(private readonly basis: URL) {}

  private url(pad: string): string {
    return new URL(pad, this.basis).href;
  }

  async config(): Promise<Config> {
    const antwoord = await fetch(this.url("api/config"), { credentials: "omit" });
    if (!antwoord.ok) {
      throw new Error("config");
    }
    return (await antwoord.json()) as Config;
  }

  async bericht(gesprek: string, tekst: string): Promise<Bericht[]> {
    const data = await this.post("api/bericht", { gesprek, tekst });
    return (data.berichten as Bericht[]) ?? [];
  }

  async wis(gesprek: string): Promise<string> {
    const data = await this.post("api/wis", { gesprek });
    return String(data.melding ?? "");
  }

  /** Resolves when the app reports Rasa ready, or after ``maxMs``. */
  async wachtTotGereed(maxMs: number): Promise<void> {
    try {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), maxMs);
      await fetch(this.url("api/status"), { credentials: "omit", signal: controller.signal });
      clearTimeout(timer);
    } catch {
      // Still down: the caller waits and asks again.
    }
  }

  private async post(pad: string, body: unknown): Promise<Record<string, unknown>> {
    let antwoord: Response;
    try {
      antwoord = await fetch(this.url(pad), {
        method: "POST",
        credentials: "omit",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      throw new Onbereikbaar("");
    }
    let data: Record<string, unknown> = {};
    try {
      data = (await antwoord.json()) as Record<string, unknown>;
    } catch {
      // Not JSON (a proxy's error page): treated like any failure below.
    }
    if (antwoord.status === 503 || antwoord.status === 502 || antwoord.status === 504) {
      throw new Onbereikbaar(String(data.melding ?? ""));
    }
    if (!antwoord.ok) {
      throw new Error(String(data.melding ?? "Er ging iets mis. Probeer het opnieuw."));
    }
    return data;
  }
}
