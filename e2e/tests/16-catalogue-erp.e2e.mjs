// Issue 11, "How it will be checked": as admin@example.fr, add an ERP to the catalogue and see it offered in an OFA's
// Paramètres; deactivated, it is no longer offered. The outbox page is there for administrators.
import { assert, hasText, login, logout, visible } from "../helpers.mjs";

export const name = "Administration : catalogue des ERP (ajout, proposé dans Paramètres, désactivation) et e-mails";

const ERP = `ERP de démonstration ${Date.now() % 100000}`;

export default async function ({ newPage }) {
  const page = await newPage();
  await login(page, "admin@example.fr");
  await page.goto("/administration/erps");
  await visible(page.getByRole("heading", { name: "Catalogue des ERP" }));
  await page.getByLabel("Nom de l'ERP", { exact: true }).fill(ERP);
  await page.getByRole("button", { name: "Ajouter" }).click();
  const ligne = page.locator("tr", { has: page.getByLabel(`Nom de l'ERP ${ERP}`, { exact: true }) });
  await visible(ligne);
  await hasText(ligne, "Proposé");

  await page.goto("/administration/emails");
  await visible(page.getByRole("heading", { name: "E-mails envoyés" }));
  await visible(page.getByRole("button", { name: /Tous/ }));
  await logout(page);

  // ofa@example.fr has not chosen its ERP yet: the new one is offered.
  await login(page, "ofa@example.fr");
  await page.goto("/parametres");
  await visible(page.getByRole("radio", { name: ERP }));

  await logout(page);
  await login(page, "admin@example.fr");
  await page.goto("/administration/erps");
  await ligne.getByRole("button", { name: "Désactiver" }).click();
  await hasText(ligne, "Désactivé");
  await logout(page);

  await login(page, "ofa@example.fr");
  await page.goto("/parametres");
  await visible(page.getByText("Sélectionnez votre ERP ou outil de gestion utilisé").first());
  assert((await page.getByRole("radio", { name: ERP }).count()) === 0, "un ERP désactivé n'est plus proposé");
}
