// Issue 13, the OFA's last missing pieces: a learner pushed by the ERP then imported by file under another id is
// announced on the dashboard, listed on Doublons with both dossiers side by side, and resolved (the file's removed
// through the DSFR modal; the ERP's cannot be removed); a file dossier corrected in Mes effectifs (a French error
// under its field, then saved), an ERP dossier read-only; sorting by column; Voir les erreurs in view at 375 px;
// the login saying that the session expired.
import { assert, hasText, login, until, visible } from "../helpers.mjs";

export const name = "doublons ERP + fichier résolus, correction d'un dossier de fichier, tri, session expirée";

const GESTI_KEY = "8c1f2a3e-5b7d-4e9a-b0c6-2d4f6a8b1c3e";

const organismeDe = (page) =>
  page.evaluate(async () => {
    const { user } = await (await fetch("/api/auth/session")).json();
    return (await (await fetch(`/api/organismes/${user.organismeId}`)).json()).organisme;
  });

function dossier(organisme, overrides) {
  return {
    nom_apprenant: "Doublonnet",
    prenom_apprenant: "Maëlys",
    date_de_naissance_apprenant: "2006-02-11",
    sexe_apprenant: "F",
    annee_scolaire: "2023-2024",
    id_erp_apprenant: "E2E-DOUBLON-ERP",
    date_inscription_formation: "2023-09-01",
    date_entree_formation: "2023-09-04",
    date_fin_formation: "2025-06-30",
    libelle_court_formation: "CAP MACON",
    formation_cfd: "50023303",
    etablissement_responsable_uai: organisme.uai,
    etablissement_responsable_siret: organisme.siret,
    etablissement_formateur_uai: organisme.uai,
    etablissement_formateur_siret: organisme.siret,
    contrat_date_debut: "2023-09-11",
    contrat_date_fin: "2025-06-30",
    siret_employeur: "98765432100017",
    ...overrides,
  };
}

const importer = (page, dossiers) =>
  page.evaluate(async (dossiers) => {
    const { user } = await (await fetch("/api/auth/session")).json();
    const response = await fetch(`/api/organismes/${user.organismeId}/fichier/import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ dossiers }),
    });
    return response.status;
  }, dossiers);

async function doublons({ newPage, baseUrl }) {
  const page = await newPage();
  await login(page, "ofa-gesti@example.fr");
  const organisme = await organismeDe(page);
  await page.goto("/tableau-de-bord");
  await hasText(page.locator("#etat-direct"), "Mis à jour en direct");
  const avant = organisme.doublonsATraiter;

  // The ERP pushes the learner, then the OFA imports her by file under another id (another spelling).
  const push = await fetch(`${baseUrl}/api/v3/dossiers-apprenants`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${GESTI_KEY}` },
    body: JSON.stringify([dossier(organisme, {})]),
  });
  assert(push.status === 200, `le push de l'ERP doit réussir (${push.status})`);
  assert(
    (await importer(page, [
      dossier(organisme, {
        id_erp_apprenant: "E2E-DOUBLON-FICHIER",
        nom_apprenant: "DOUBLONNET",
        prenom_apprenant: "maelys",
      }),
    ])) === 200,
    "l'import doit réussir",
  );
  // Live on the dashboard, with its link.
  await hasText(page.locator("#doublons-a-traiter"), `${avant + 1} doublon`, { timeoutMs: 8000 });
  await page.locator("#doublons-a-traiter").getByRole("link", { name: "Voir les doublons" }).click();
  await page.waitForURL((url) => url.pathname === "/effectifs/doublons");
  await hasText(page.locator("nav.fr-breadcrumb"), "Mes effectifs");

  const paire = page.locator("section.doublon", { hasText: "DOUBLONNET" });
  await visible(paire);
  await hasText(paire, "Même nom, prénom et date de naissance dans la même année scolaire");
  const erp = paire.locator(".doublon-dossier[data-source='erp']");
  const fichier = paire.locator(".doublon-dossier[data-source='fichier']");
  await hasText(erp, "E2E-DOUBLON-ERP");
  await hasText(fichier, "E2E-DOUBLON-FICHIER");
  await hasText(erp, "CAP MACON");
  // The ERP's dossier cannot be the one removed: keeping the file's is not offered, and says why.
  assert(
    (await fichier.getByRole("button", { name: /Garder/ }).count()) === 0,
    "garder le fichier ne doit pas être proposé",
  );
  await hasText(fichier, "transmis par votre ERP");

  // Keep the ERP's: the DSFR modal asks first; Annuler keeps both.
  await erp.getByRole("button", { name: /Garder celui-ci : le dossier E2E-DOUBLON-ERP/ }).click();
  const modale = page.getByRole("dialog");
  await visible(modale);
  await hasText(modale, "E2E-DOUBLON-FICHIER");
  await modale.getByRole("button", { name: "Annuler" }).click();
  await visible(paire);
  await erp.getByRole("button", { name: /Garder celui-ci : le dossier E2E-DOUBLON-ERP/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Garder celui-ci et supprimer l'autre" }).click();
  await until(async () => (await paire.count()) === 0, "la paire doit quitter la liste");

  const restants = await page.evaluate(async () => {
    const { user } = await (await fetch("/api/auth/session")).json();
    const r = await fetch(`/api/organismes/${user.organismeId}/effectifs?apprenant=doublonnet`);
    return (await r.json()).rows.map((row) => row.identity);
  });
  assert(
    restants.length === 1 && restants[0].endsWith("E2E-DOUBLON-ERP"),
    `seul le dossier de l'ERP doit rester (${restants})`,
  );
  await page.goto("/tableau-de-bord");
  await visible(page.locator("#carte-organisme"));
  if (avant === 0) assert((await page.locator("#doublons-a-traiter").count()) === 0, "plus de doublon à traiter");
  await page.close();
}

/** Its own page: the refused correction (a 400, on purpose) is logged by the browser as a console error. */
async function correction({ context }) {
  const page = await context.newPage();
  await login(page, "ofa-gesti@example.fr");
  const organisme = await organismeDe(page);
  assert(
    (await importer(page, [
      dossier(organisme, {
        id_erp_apprenant: "E2E-CORRECTION",
        nom_apprenant: "Corrigeant",
        prenom_apprenant: "Ilyes",
        sexe_apprenant: "M",
      }),
    ])) === 200,
    "l'import doit réussir",
  );
  await page.goto("/effectifs");
  await page.getByRole("searchbox", { name: "Rechercher par apprenant" }).fill("corrigeant");
  const bouton = page.locator("#table-effectifs tbody tr button[data-effectif]", { hasText: "CORRIGEANT Ilyes (M)" });
  await visible(bouton);
  // the seed's Formation: its dates and diploma
  await hasText(page.locator("#table-effectifs tbody tr").first(), "CAP MACON 04/09/2023-30/06/2025 (CFD 50023303)");
  await bouton.click();
  await page.locator("#corriger-dossier").click();
  await page.locator("#correction-nom_apprenant").fill("");
  await page.locator("#correction-prenom_apprenant").fill("Ilyès");
  await page.getByRole("button", { name: "Enregistrer la correction" }).click();
  await hasText(page.locator("#detail-dossier [role='alert']"), "Le dossier n'a pas été enregistré");
  await visible(page.locator("#correction-nom_apprenant-error"));
  await page.locator("#correction-nom_apprenant").fill("Corrigeant");
  await page.getByRole("button", { name: "Enregistrer la correction" }).click();
  await visible(page.locator("#corriger-dossier"), 8000);
  await hasText(page.locator("#detail-dossier"), "Ilyès");
  await hasText(page.locator("#table-effectifs tbody"), "CORRIGEANT Ilyès (M)", { timeoutMs: 8000 });

  // an ERP-fed dossier is read-only and says why
  await page.getByRole("searchbox", { name: "Rechercher par apprenant" }).fill("doublonnet");
  const erp = page.locator("#table-effectifs tbody tr button[data-effectif]", { hasText: "DOUBLONNET" });
  await visible(erp);
  await erp.click();
  await hasText(page.locator("#dossier-erp"), "Ce dossier est transmis par votre ERP : corrigez-le dans votre ERP");
  assert((await page.locator("#corriger-dossier").count()) === 0, "un dossier de l'ERP ne se corrige pas ici");
  await page.close();
}

const dateIso = (fr) => (fr ? fr.split("/").reverse().join("-") : "");

async function tri({ newPage }) {
  const page = await newPage();
  await login(page, "ofa-gesti@example.fr");
  await page.goto("/effectifs");
  await visible(page.locator("#table-effectifs tbody tr button").first());
  // the column Début, wherever it is (Organisme formateur comes before it for an organisme with formateurs)
  const debuts = async () =>
    (
      await page.evaluate(() => {
        const ths = [...document.querySelectorAll("#table-effectifs thead tr:first-child th")];
        const i = ths.findIndex((th) => th.querySelector("button[data-tri='debut']"));
        return [...document.querySelectorAll("#table-effectifs tbody tr")].map((r) => r.children[i]?.textContent);
      })
    )
      .map((t) => dateIso(t?.trim()))
      .filter(Boolean);
  const enTete = page.locator("th", { has: page.locator("button[data-tri='debut']") });
  await page.locator("button[data-tri='debut']").click();
  await until(async () => (await enTete.getAttribute("aria-sort")) === "ascending", "tri croissant");
  await until(async () => {
    const d = await debuts();
    return d.length > 5 && d.every((x, i) => i === 0 || d[i - 1] <= x);
  }, "les débuts doivent être croissants");
  await page.locator("button[data-tri='debut']").click();
  await until(async () => (await enTete.getAttribute("aria-sort")) === "descending", "tri décroissant");
  await until(async () => {
    const d = await debuts();
    return d.length > 5 && d.every((x, i) => i === 0 || d[i - 1] >= x);
  }, "les débuts doivent être décroissants");
  // paging keeps the sort
  await page
    .locator(".fr-pagination")
    .getByRole("link", { name: "2", exact: true })
    .or(page.locator(".fr-pagination").getByRole("button", { name: "2", exact: true }))
    .first()
    .click();
  await until(async () => (await enTete.getAttribute("aria-sort")) === "descending", "le tri reste en page 2");
  await page.close();
}

async function voirLesErreurs({ newPage }) {
  const page = await newPage();
  await login(page, "ofa-gesti@example.fr");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/transmissions");
  const jour = page.locator("button", { hasText: /Voir le détail|Détail/ }).first();
  if ((await jour.count()) > 0) await jour.click();
  const bouton = page.getByRole("button", { name: "Voir les erreurs" }).first();
  if ((await bouton.count()) > 0) {
    await bouton.scrollIntoViewIfNeeded();
    const box = await bouton.boundingBox();
    assert(
      box && box.x >= 0 && box.x + box.width <= 375,
      `« Voir les erreurs » doit tenir à 375 px (${JSON.stringify(box)})`,
    );
  }
  await page.close();
}

/** Its own page: the browser logs the refused request as a console error, which would fail the test. */
async function sessionExpiree({ context }) {
  const page = await context.newPage();
  await login(page, "ofa-gesti@example.fr");
  await page.goto("/effectifs");
  await visible(page.locator("#table-effectifs tbody tr button").first());
  await context.clearCookies();
  // The next request finds no session; a live refresh may redraw the table (or already reach the login) first.
  await page
    .getByRole("searchbox", { name: "Rechercher par apprenant" })
    .fill("b", { timeout: 5000 })
    .catch(() => {});
  await page.waitForURL((url) => url.pathname === "/connexion", { timeout: 5000 });
  await hasText(page.locator("#session-expiree"), "Votre session a expiré, reconnectez-vous.");
  await page.close();
}

export default async function (args) {
  await doublons(args);
  await correction(args);
  await tri(args);
  await voirLesErreurs(args);
  await sessionExpiree(args);
}
