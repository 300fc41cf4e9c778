// Issue 11, items 1 and 3: an administrator finds ofa-gesti's organisme by its UAI and opens its support view (key
// prefix, last transmission, the actions' DSFR confirmation); a user changes their password on Mon compte, which
// ends their other session but not this one, then logs out everywhere.
import { accessible, assert, DEMO_PASSWORD, hasText, login, queryD1, until, visible } from "../helpers.mjs";

export const name = "Administration : recherche d'un organisme et vue support ; Mon compte : mot de passe, sessions";

const NOUVEAU = "un-tout-nouveau-mot-de-passe";

export default async function ({ newPage, browser, baseUrl, server }) {
  const [gesti] = queryD1(
    server.stateDir,
    `SELECT o.id, o.uai, o.raison_sociale FROM organismes o JOIN organisations g ON g.organisme_id = o.id
     JOIN users u ON u.organisation_id = g.id WHERE u.email = 'ofa-gesti@example.fr'`,
  );
  assert(gesti?.uai, "l'organisme de ofa-gesti@example.fr a un UAI");

  // ── The administrator ──
  const page = await newPage();
  await login(page, "admin@example.fr");
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Administration" }).click();
  await visible(page.getByRole("heading", { name: "Comptes en attente de validation" }));
  const menu = page.getByRole("navigation", { name: "Administration" });
  await menu.getByRole("link", { name: "Organismes" }).click();
  await page.waitForURL((url) => url.pathname === "/administration/organismes");
  await page.locator("#recherche-organisme").fill(gesti.uai.toLowerCase());
  await page.keyboard.press("Enter");
  const row = page.locator(`#table-organismes-admin tr[data-organisme="${gesti.id}"]`);
  await visible(row);
  await row.getByRole("link").click();
  await page.waitForURL((url) => url.pathname === `/administration/organismes/${gesti.id}`);
  await hasText(page.locator("#uai-organisme"), gesti.uai);
  await hasText(page.locator("#etat-procedure"), "Confirmée");
  await visible(page.locator("#table-cles code"));
  assert(
    /^[\w-]{4,}…$/.test((await page.locator("#table-cles code").first().textContent()) ?? ""),
    "le préfixe de la clé",
  );
  await until(
    async () => !/jamais/.test((await page.locator("#derniere-transmission").textContent()) ?? "jamais"),
    "la dernière transmission est datée",
  );
  await visible(page.locator("#table-transmissions-support tbody tr"));
  await visible(page.locator("#table-journal tbody tr"));
  await hasText(page.locator("#utilisateurs-organisme"), "ofa-gesti@example.fr");
  await accessible(page);

  // The actions ask first, in a DSFR modal; cancelled here, the organisme keeps its key.
  await page.locator("#bouton-revoquer").click();
  const modale = page.getByRole("dialog", { name: /Révoquer la clé/ });
  await visible(modale);
  await modale.getByRole("button", { name: "Annuler" }).click();
  await until(async () => !(await modale.isVisible()), "la modale se ferme");
  await hasText(page.locator("#etat-procedure"), "Confirmée");

  // The transmission overview lists it, filtered by its ERP.
  await menu.getByRole("link", { name: "Vue des transmissions" }).click();
  await page.waitForURL((url) => url.pathname === "/administration/transmissions");
  await page.locator("#filtre-erp").selectOption("gesti");
  await visible(page.locator(`#table-vue-transmissions tr[data-organisme="${gesti.id}"]`));
  await accessible(page);
  await menu.getByRole("link", { name: "Utilisateurs" }).click();
  await page.locator("#recherche-utilisateur").fill("ofa-gesti");
  await page.keyboard.press("Enter");
  await hasText(page.locator("#table-utilisateurs"), "ofa-gesti@example.fr");
  await accessible(page);

  // ── A user changes their password on Mon compte ──
  const email = "academie@example.fr";
  const other = await browser.newContext({ baseURL: baseUrl });
  const otherPage = await other.newPage();
  await login(otherPage, email);

  const user = await newPage();
  await login(user, email);
  await user
    .getByRole("link", { name: /Mon compte/ })
    .first()
    .click();
  await user.waitForURL((url) => url.pathname === "/mon-compte");
  await visible(user.getByRole("heading", { name: "Mon compte", level: 1 }));
  await until(async () => (await user.locator("#table-sessions tbody tr").count()) >= 2, "les deux sessions");
  await visible(user.locator("#table-sessions tr[data-courante]"));
  await accessible(user);

  // (a wrong current password is a 400, which the browser logs: test/administration/mon-compte.test.ts covers it)
  await user.locator("#nouveauMotDePasse").fill(NOUVEAU);
  await user.locator("#confirmation").fill(NOUVEAU);
  await user.locator("#motDePasseActuel").fill(DEMO_PASSWORD);
  await user.getByRole("button", { name: "Modifier mon mot de passe" }).click();
  await hasText(user.locator("#mot-de-passe-modifie"), "Votre mot de passe a été modifié.");
  await hasText(user.locator("#mot-de-passe-modifie"), "autre session");
  await until(async () => (await user.locator("#table-sessions tbody tr").count()) === 1, "une seule session reste");

  // The other session is over: its next page goes to the login.
  await otherPage.goto("/tableau-de-bord");
  await otherPage.waitForURL((url) => url.pathname === "/connexion");
  await other.close();

  // Back to the demo password (the other tests log in with it), then "Se déconnecter partout".
  await user.locator("#motDePasseActuel").fill(NOUVEAU);
  await user.locator("#nouveauMotDePasse").fill(DEMO_PASSWORD);
  await user.locator("#confirmation").fill(DEMO_PASSWORD);
  await user.getByRole("button", { name: "Modifier mon mot de passe" }).click();
  await hasText(user.locator("#mot-de-passe-modifie"), "Votre mot de passe a été modifié.");
  await user.locator("#deconnexion-partout").click();
  const partout = user.getByRole("dialog", { name: "Se déconnecter partout ?" });
  await partout.getByRole("button", { name: "Se déconnecter partout" }).click();
  await user.waitForURL((url) => url.pathname === "/connexion");
  await login(user, email, DEMO_PASSWORD);
}
