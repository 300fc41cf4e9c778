// Issue 2: a new OFA signs up by UAI, an administrator validates it, it logs in and sees its dashboard card.
import { hasText, login, logout, queryD1, until, visible } from "../helpers.mjs";

export const name = "inscription d'un OFA par UAI, validation par l'administrateur, tableau de bord";

export default async function ({ newPage, server }) {
  const [organisme] = queryD1(
    server.stateDir,
    `SELECT o.uai, o.siret, o.raison_sociale FROM organismes o
      WHERE o.referentiel = 1 AND o.ferme = 0 AND o.uai IS NOT NULL AND o.nature = 'responsable_formateur'
        AND NOT EXISTS (SELECT 1 FROM organisations g WHERE g.organisme_id = o.id) LIMIT 1`,
  );
  const page = await newPage();
  await page.goto("/");
  await hasText(page.getByRole("heading", { level: 1 }), "Tableau de bord de l'apprentissage", { exact: true });
  await page.getByRole("link", { name: "Je m'inscris" }).click();

  await page.getByText("ORGANISME DE FORMATION (OFA)").click();
  await page.getByText("Par UAI", { exact: true }).click();
  await page.getByLabel("UAI de votre établissement").fill("9999999Z");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await visible(page.getByText("Aucun organisme trouvé"));
  await page.getByLabel("UAI de votre établissement").fill(organisme.uai.toLowerCase());
  await page.getByRole("button", { name: "Rechercher" }).click();
  await visible(page.getByText(organisme.raison_sociale));

  await page.getByText("Madame", { exact: true }).click();
  await page.getByLabel("Prénom").fill("Odile");
  await page.getByLabel("Nom", { exact: true }).fill("Lambert");
  await page.getByLabel("Adresse e-mail professionnelle").fill("odile.lambert@cfa-e2e.fr");
  await page.getByLabel("Mot de passe").fill("un mot de passe solide");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await visible(page.getByRole("heading", { name: "Votre compte est en attente de validation" }));
  await page.goto("/tableau-de-bord");
  await until(
    () => new URL(page.url()).pathname === "/en-attente",
    "un compte en attente doit être renvoyé vers /en-attente",
  );
  await logout(page);

  await login(page, "admin@example.fr");
  await page.goto("/administration");
  const valider = page.getByRole("button", { name: "Valider le compte de Odile Lambert" });
  await valider.click();
  await until(async () => (await valider.count()) === 0, "le compte validé doit quitter la liste");
  await logout(page);

  await login(page, "odile.lambert@cfa-e2e.fr", "un mot de passe solide");
  await page.goto("/tableau-de-bord");
  await visible(page.getByRole("heading", { name: "Bienvenue sur votre espace, Mme Odile Lambert" }));
  const card = page.locator("#carte-organisme");
  await hasText(card, `UAI : ${organisme.uai}`);
  await hasText(card, `SIRET : ${organisme.siret} (en activité)`);
  for (const label of [
    "Nature :",
    "Raison sociale :",
    "Domiciliation :",
    "Le couple UAI SIRET est présent dans le référentiel",
  ])
    await hasText(card, label);
  await hasText(page.locator("#fiabilite"), "Organisme fiable", { exact: true });
  await hasText(page.locator("#etat-transmission"), "Données non transmises", { exact: true });
  await hasText(page.locator("#apercu-titre"), "Aperçu de vos effectifs (année scolaire");
  await visible(
    page.getByText("Les indicateurs sont nuls car votre établissement ne transmet pas encore ses effectifs."),
  );
  await until(
    async () => (await page.locator("[data-compteur] .counter").allInnerTexts()).join() === "0,0,0,0,0",
    "les cinq compteurs doivent être à 0",
  );
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  for (const item of [
    "Mon tableau de bord",
    "Mes indicateurs",
    "Mes effectifs",
    "Mon enquête SIFA",
    "Question ?",
    "Paramètres",
  ]) {
    await visible(nav.getByRole("link", { name: item, exact: true }));
  }
}
