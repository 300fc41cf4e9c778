// Issue 11, "How it will be checked": as admin@example.fr, add an ERP to the catalogue and see it offered in an OFA's
// Paramètres; deactivated, it is no longer offered. The outbox page is there for administrators. Issue 13, defect 6:
// the administrator's "Refuser" asks in a DSFR modal (not window.confirm), and Annuler keeps the request.
import { assert, hasText, login, logout, until, visible } from "../helpers.mjs";

export const name =
  "Administration : refus d'un compte par une modale, catalogue des ERP (ajout, proposé dans Paramètres, désactivation) et e-mails";

const ERP = `ERP de démonstration ${Date.now() % 100000}`;

export default async function ({ newPage, baseUrl }) {
  // A request to refuse: a réseau's first user waits for an administrator.
  const suffixe = Date.now() % 100000;
  const inscription = await fetch(`${baseUrl}/api/auth/inscription`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify({
      categorie: "RESEAU",
      reseau: `Réseau à refuser ${suffixe}`,
      civilite: "Madame",
      prenom: "Romane",
      nom: `Refus${suffixe}`,
      email: `refus-${suffixe}@example.fr`,
      password: "un-mot-de-passe-assez-long",
    }),
  });
  assert(inscription.status === 201, `inscription : ${inscription.status}`);

  const page = await newPage();
  await login(page, "admin@example.fr");
  await page.goto("/administration");
  const refuser = page.getByRole("button", { name: `Refuser la demande de Romane Refus${suffixe}` });
  await refuser.click();
  const modale = page.getByRole("dialog", { name: `Refuser la demande de Romane Refus${suffixe} ?` });
  await visible(modale);
  await modale.getByRole("button", { name: "Annuler" }).click();
  await visible(refuser);
  await refuser.click();
  await modale.getByRole("button", { name: "Refuser la demande" }).click();
  await until(async () => (await refuser.count()) === 0, "la demande refusée quitte la liste");
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
