// Kaart beheer: copy a prepared check mail to the clipboard. The page works without this
// script (the mail text can be selected in its read-only field); the buttons only show here.

function kopieerKnoppen(): void {
  for (const knop of document.querySelectorAll<HTMLButtonElement>(".beheer__kopieer")) {
    const doel = document.getElementById(knop.dataset.doel ?? "");
    if (!(doel instanceof HTMLTextAreaElement)) continue;
    const status = knop.parentElement?.querySelector<HTMLElement>(".beheer__gekopieerd");
    knop.hidden = false;
    knop.addEventListener("click", () => {
      const klaar = (tekst: string): void => {
        if (status) status.textContent = tekst;
      };
      if (navigator.clipboard?.writeText) {
        navigator.clipboard.writeText(doel.value).then(
          () => klaar("De e-mail is gekopieerd."),
          () => {
            doel.select();
            klaar("Kopiëren lukte niet. De tekst is geselecteerd: kopieer hem met Ctrl+C.");
          },
        );
      } else {
        doel.select();
        klaar("De tekst is geselecteerd: kopieer hem met Ctrl+C.");
      }
    });
  }
}

kopieerKnoppen();
