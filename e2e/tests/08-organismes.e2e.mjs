// Issue 9, items 2 and 4: a DREETS lists the organismes of its région (couverture, sort, search, download), opens
// one read-only, sees a push of its ERP arrive live, and the page works on a phone and with the keyboard.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { tmpdir } from "node:os";
import { accessible, assert, hasText, login, until, visible } from "../helpers.mjs";

export const name =
  "Organismes d'une DREETS : couverture, tri, recherche, téléchargement, page en lecture seule en direct";

const DEMO_KEY = "8c1f2a3e-5b7d-4e9a-b0c6-2d4f6a8b1c3e";

const cellules = (page, tri) =>
  page
    .locator("#table-organismes tbody tr")
    .evaluateAll(
      (rows, index) => rows.map((row) => row.children[index]?.textContent?.trim() ?? ""),
      [
        "nom",
        "uai",
        "siret",
        "nature",
        "fiable",
        "departement",
        "commune",
        "etat",
        "erp",
        "derniereTransmission",
        "apprenants",
      ].indexOf(tri),
    );

export default async function ({ newPage, baseUrl }) {
  const page = await newPage();
  await login(page, "dreets@example.fr");
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  await visible(nav.getByRole("link", { name: "Mes indicateurs" }));
  await nav.getByRole("link", { name: "Organismes" }).click();
  await page.waitForURL((url) => url.pathname === "/organismes");
  await hasText(page.locator("#etat-direct"), "Mis à jour en direct");
  await hasText(page.locator("#taux-couverture"), "%");
  await hasText(page.locator("#definition-perimetre"), "organismes fiables du périmètre");
  await visible(page.locator("#table-organismes tbody tr[data-organisme]"));
  await accessible(page);

  // Sorted by apprenants, most first, with the keyboard: the header says so.
  const bouton = page.locator("button[data-tri='apprenants']");
  await bouton.focus();
  await page.keyboard.press("Enter");
  await until(
    async () => (await page.locator("th[aria-sort='descending']").textContent())?.includes("Apprenants"),
    "la colonne Apprenants est triée par ordre décroissant",
  );
  await until(async () => {
    const nombres = (await cellules(page, "apprenants")).map(Number);
    return nombres.length > 1 && nombres.every((n, i) => i === 0 || nombres[i - 1] >= n) && nombres[0] > 0;
  }, "les organismes sont triés par apprenants");
  assert(new URL(page.url()).searchParams.get("tri") === "apprenants", "le tri est dans l'adresse");

  // The search finds the ERP-connected demo organisme by its UAI.
  const organisme = await (
    await fetch(`${baseUrl}/api/v3/organisme`, { headers: { Authorization: `Bearer ${DEMO_KEY}` } })
  ).json();
  await page.locator("#recherche-organisme").fill(organisme.uai);
  await until(
    async () => (await page.locator("#table-organismes tbody tr[data-organisme]").count()) === 1,
    "un seul organisme trouvé",
  );
  await hasText(page.locator("#nombre-organismes"), "1 organisme");

  // Download of the list retained (CSV).
  const dir = mkdtempSync(path.join(tmpdir(), "organismes-e2e-"));
  try {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger la liste (CSV)" }).click(),
    ]);
    const file = path.join(dir, "organismes.csv");
    await download.saveAs(file);
    const lignes = readFileSync(file, "utf8").slice(1).split("\r\n").filter(Boolean);
    assert(lignes.length === 2, `le CSV a l'en-tête et une ligne (il en a ${lignes.length})`);
    assert(lignes[0].startsWith("Raison sociale;Enseigne;UAI;SIRET"), `en-tête inattendu : ${lignes[0]}`);
    assert(lignes[1].includes(organisme.uai), "la ligne est celle de l'organisme cherché");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Its row opens its read-only page, which follows its pushes live.
  await page.locator("#table-organismes tbody tr[data-organisme] td").nth(4).click();
  await page.waitForURL((url) => url.pathname.startsWith("/organismes/"));
  await visible(page.locator("#carte-organisme"));
  await hasText(page.locator("#etat-connexion"), "Connecté");
  await hasText(page.locator("#etat-direct"), "Mis à jour en direct");
  await accessible(page);
  assert(
    (await page.getByRole("link", { name: "Mes effectifs" }).count()) === 0,
    "aucun lien vers des effectifs nominatifs",
  );
  const avant = Number(await page.locator("[data-compteur='apprenants'] .counter").textContent());
  const annee = (await page.locator("#apercu-titre").textContent()).match(/(\d{4})-\d{4}/);
  const pushed = await fetch(`${baseUrl}/api/v3/dossiers-apprenants`, {
    method: "POST",
    headers: { Authorization: `Bearer ${DEMO_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify([
      {
        nom_apprenant: "Lecture",
        prenom_apprenant: "Seule",
        date_de_naissance_apprenant: "2006-05-04",
        annee_scolaire: annee[0],
        id_erp_apprenant: `E2E-ORGANISMES-${Date.now()}`,
        date_inscription_formation: `${annee[1]}-09-01`,
        date_entree_formation: `${annee[1]}-09-01`,
        date_fin_formation: `${Number(annee[1]) + 2}-06-30`,
        contrat_date_debut: `${annee[1]}-09-01`,
        contrat_date_fin: `${Number(annee[1]) + 2}-06-30`,
        siret_employeur: "98765432100017",
        libelle_court_formation: "CAP E2E",
        etablissement_responsable_uai: organisme.uai,
        etablissement_responsable_siret: organisme.siret,
        etablissement_formateur_uai: organisme.uai,
        etablissement_formateur_siret: organisme.siret,
      },
    ]),
  });
  assert(pushed.status === 200, `la transmission est acceptée (${pushed.status})`);
  await until(
    async () => Number(await page.locator("[data-compteur='apprenants'] .counter").textContent()) === avant + 1,
    "le nouvel apprenant apparaît sans recharger la page",
    10_000,
  );

  // Back to the list, as it was left; on a phone the table scrolls inside its frame, not the page.
  await page.goBack();
  await page.waitForURL((url) => url.pathname === "/organismes");
  assert(new URL(page.url()).searchParams.get("recherche") === organisme.uai, "la recherche est retrouvée");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.locator("#recherche-organisme").fill("");
  await until(
    async () => (await page.locator("#table-organismes tbody tr[data-organisme]").count()) > 1,
    "la liste revient",
  );
  const { cadre, table, pageLarge } = await page.evaluate(() => ({
    cadre: document.querySelector(".organismes-table").clientWidth,
    table: document.querySelector("#table-organismes").scrollWidth,
    pageLarge: document.documentElement.scrollWidth > window.innerWidth,
  }));
  assert(table > cadre, "le tableau défile horizontalement dans son cadre");
  assert(!pageLarge, "la page elle-même ne défile pas horizontalement");
  await accessible(page);
}
