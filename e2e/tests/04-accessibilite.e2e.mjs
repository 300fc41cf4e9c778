// Issues 5 and 13: axe-core on the pages (visitor and logged in, desktop and phone width): no serious violation.
import { accessible, login, visible } from "../helpers.mjs";

export const name = "accessibilité des pages principales (axe-core, aucune violation sérieuse ou critique)";

async function audit(page, path, ready) {
  await page.goto(path);
  await visible(ready);
  await accessible(page, path);
}

export default async function ({ newPage }) {
  const page = await newPage();
  // Issue 10: a Mission Locale's dashboard and worklist, an ARML's dashboard, at both widths.
  for (const [email, pages] of [
    [
      "mission-locale@example.fr",
      [
        ["/tableau-de-bord", "#tableau-mission-locale"],
        ["/jeunes-en-rupture", "#table-jeunes tbody tr[data-jeune]"],
      ],
    ],
    ["arml@example.fr", [["/tableau-de-bord", "#table-arml tbody tr[data-mission-locale]"]]],
  ]) {
    await login(page, email);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [path, ready] of pages) await audit(page, path, page.locator(ready));
    }
    await page.context().clearCookies();
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await audit(page, "/", page.getByRole("heading", { name: "Tableau de bord de l'apprentissage" }));
  await audit(page, "/connexion", page.getByRole("heading", { name: "Connexion" }));
  await audit(page, "/inscription", page.getByText("ORGANISME DE FORMATION (OFA)"));
  await audit(page, "/question", page.getByRole("heading", { name: "Question ?" }));
  // Issue 13: the footer's mandatory pages and the 404, at both widths.
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await audit(page, "/accessibilite", page.getByRole("heading", { name: "Déclaration d'accessibilité" }));
    await audit(page, "/mentions-legales", page.getByRole("heading", { level: 1, name: "Mentions légales" }));
    await audit(page, "/donnees-personnelles", page.getByRole("heading", { level: 1, name: "Données personnelles" }));
    await audit(page, "/gestion-des-cookies", page.getByRole("heading", { level: 1, name: "Gestion des cookies" }));
    await audit(page, "/page-inexistante", page.getByRole("heading", { name: "Page non trouvée" }));
    await audit(page, "/question", page.getByRole("heading", { name: "Question ?" }));
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await login(page, "ofa-gesti@example.fr");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await audit(page, "/tableau-de-bord", page.locator("#carte-organisme"));
    await audit(page, "/effectifs", page.locator("#table-effectifs tbody tr").first());
    await audit(page, "/parametres", page.getByRole("heading", { name: "Paramétrage de votre moyen de transmission" }));
    await audit(page, "/indicateurs", page.getByRole("heading", { level: 1 }));
    await audit(page, "/transmissions", page.getByRole("heading", { level: 1 }));
    await audit(page, "/sifa", page.locator("#total-sifa"));
    await audit(page, "/effectifs/ajout-fichier", page.locator("#bouton-modele"));
    await audit(page, "/effectifs/doublons", page.locator("#nombre-doublons")); // issue 13: Doublons
    // the confirmation modal, open
    await audit(page, "/parametres", page.locator("#bouton-reinitialiser"));
    await page.locator("#bouton-reinitialiser").click();
    await visible(page.getByRole("dialog"));
    // after DSFR's fade-in, or axe measures the contrast of half-transparent text
    await page.waitForFunction(() => getComputedStyle(document.querySelector("dialog[open]")).opacity === "1");
    await accessible(page, "/parametres (modale ouverte)");
    await page.getByRole("dialog").getByRole("button", { name: "Annuler" }).click();
  }
  // another account on the same page (a logout would leave the page's requests in flight refused)
  await login(page, "admin@example.fr");
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await audit(page, "/administration", page.getByRole("heading", { name: "Comptes en attente de validation" }));
  }
}
