// What the widget remembers: in sessionStorage only (this tab, until it closes), never a cookie.
import type { Regel } from "./wegwijzer";

const GESPREK = "wegwijzer.gesprek";
const BERICHTEN = "wegwijzer.berichten";
const OPEN = "wegwijzer.open";
const MAX_REGELS = 200;

function opslag(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage blocked: the conversation lives as long as the page
  }
}

function nieuwId(): string {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class Geheugen {
  private readonly s = opslag();
  private id: string | null = null;
  private regels: Regel[] | null = null;

  gesprekId(): string {
    if (this.id === null) {
      this.id = this.s?.getItem(GESPREK) ?? null;
      if (!this.id || !/^[A-Za-z0-9_-]{16,64}$/.test(this.id)) {
        this.id = nieuwId();
        this.s?.setItem(GESPREK, this.id);
      }
    }
    return this.id;
  }

  berichten(): Regel[] {
    if (this.regels === null) {
      try {
        const ruw = JSON.parse(this.s?.getItem(BERICHTEN) ?? "[]");
        this.regels = Array.isArray(ruw) ? (ruw as Regel[]) : [];
      } catch {
        this.regels = [];
      }
    }
    return this.regels;
  }

  voegToe(regel: Regel): void {
    const regels = this.berichten();
    regels.push({ van: regel.van, tekst: regel.tekst ?? null, payload: regel.payload ?? null });
    this.bewaar(regels.slice(-MAX_REGELS));
  }

  wasOpen(): boolean {
    return this.s?.getItem(OPEN) === "1";
  }

  zetOpen(open: boolean): void {
    this.s?.setItem(OPEN, open ? "1" : "0");
  }

  wis(): void {
    this.s?.removeItem(GESPREK);
    this.s?.removeItem(BERICHTEN);
    this.id = null;
    this.regels = [];
  }

  private bewaar(regels: Regel[]): void {
    this.regels = regels;
    try {
      this.s?.setItem(BERICHTEN, JSON.stringify(regels));
    } catch {
      // Storage full: the conversation goes on, only a reload would lose the history.
    }
  }
}
