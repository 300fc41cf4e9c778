// SPEC §7 "Ajouter via fichier Excel": the OFA downloads the template, uploads a CSV, sees the error of its bad row
// by line and column before anything is written, imports, and finds the new dossiers in "Mes effectifs".
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import { accessible, assert, hasText, login, until, visible } from "../helpers.mjs";

export const name = "ajout d'effectifs par fichier : modèle, vérification des erreurs par ligne, import, Mes effectifs";

/** At phone width, with the errors shown: no serious axe-core violation, and nothing wider than the screen. */
async function auditTelephone(page) {
  await page.setViewportSize({ width: 375, height: 800 });
  await accessible(page, "accessibilité");
  const largeur = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(largeur <= 375, `la page déborde de l'écran du téléphone (${largeur} px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const total = async (page) => Number(((await page.locator("#nombre-dossiers").textContent()) ?? "").match(/\d+/)?.[0]);

/** A CSV as French spreadsheets write it: ";" separator, French headers and dates, VRAI/FAUX booleans. */
function csv({ uai, siret }) {
  const entetes = [
    "Nom apprenant",
    "Prénom apprenant",
    "Date de naissance apprenant",
    "annee_scolaire",
    "date_inscription_formation",
    "date_entree_formation",
    "date_fin_formation",
    "libelle_court_formation",
    "rqth_apprenant",
    "etablissement_responsable_uai",
    "etablissement_responsable_siret",
    "etablissement_formateur_uai",
    "etablissement_formateur_siret",
    "contrat_date_debut",
  ];
  const ligne = (nom, prenom, naissance, entree, contrat) =>
    [
      nom,
      prenom,
      naissance,
      "2023-2024",
      "01/07/2023",
      entree,
      "30/06/2025",
      "CAP CUISINE",
      "FAUX",
      uai,
      siret,
      uai,
      siret,
      contrat,
    ].join(";");
  return [
    entetes.join(";"),
    ligne("Fichier", "Alice", "12/05/2006", "04/09/2023", "18/09/2023"),
    ligne("Fichier", "Bruno", "03/11/2005", "04/09/2023", ""),
    ligne("Fichier", "Chloé", "21/01/2006", "32/13/2023", ""),
  ].join("\r\n");
}

export default async function ({ newPage }) {
  const page = await newPage();
  await login(page, "ofa@example.fr");
  const organisme = await page.evaluate(async () => {
    const { user } = await (await fetch("/api/auth/session")).json();
    return (await (await fetch(`/api/organismes/${user.organismeId}`)).json()).organisme;
  });

  await page.goto("/effectifs");
  await until(async () => Number.isFinite(await total(page)), "le nombre de dossiers doit s'afficher");
  const before = await total(page);

  await page.goto("/tableau-de-bord");
  await page.getByRole("link", { name: "Ajouter via fichier Excel" }).click();
  await page.waitForURL((url) => url.pathname === "/effectifs/ajout-fichier");
  await visible(page.getByRole("heading", { name: "Ajouter via fichier Excel" }));

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Télécharger le modèle" }).click(),
  ]);
  const dir = mkdtempSync(path.join(tmpdir(), "fichier-e2e-"));
  try {
    const modele = path.join(dir, download.suggestedFilename());
    await download.saveAs(modele);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(modele);
    assert(
      workbook.worksheets.map((s) => s.name).join() === "Modèle,Description des données",
      "le modèle doit avoir les feuilles « Modèle » et « Description des données »",
    );
    const sheet = workbook.getWorksheet("Modèle");
    assert(
      sheet.getRow(1).getCell(1).value === "nom_apprenant",
      "la première colonne du modèle doit être nom_apprenant",
    );

    // The template filled in as an OFA would: its own organisme, a real Excel date cell.
    const colonne = (champ) => sheet.getRow(1).values.indexOf(champ);
    const exemple = sheet.getRow(2);
    for (const role of ["responsable", "formateur"]) {
      exemple.getCell(colonne(`etablissement_${role}_uai`)).value = organisme.uai;
      exemple.getCell(colonne(`etablissement_${role}_siret`)).value = organisme.siret;
    }
    exemple.getCell(colonne("date_de_naissance_apprenant")).value = new Date(Date.UTC(2005, 2, 14));
    const rempli = path.join(dir, "modele-rempli.xlsx");
    await workbook.xlsx.writeFile(rempli);
    await page.getByLabel("Ajouter un fichier").setInputFiles(rempli);
    await hasText(page.locator("#resume-verification"), "1 ligne valide sur 1", { exact: true, timeoutMs: 15_000 });
    assert(
      (await page.locator("#table-erreurs-fichier").count()) === 0,
      "le modèle rempli ne doit avoir aucune erreur",
    );

    const fichier = path.join(dir, "effectifs.csv");
    writeFileSync(fichier, csv(organisme));
    await page.getByLabel("Ajouter un fichier").setInputFiles(fichier);
    // The page reads the file after setInputFiles returns: the folder must outlive the check.
    await hasText(page.locator("#resume-verification"), "2 lignes valides sur 3, 1 ligne en erreur", {
      timeoutMs: 15_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const erreurs = page.locator("#table-erreurs-fichier tbody tr");
  await until(async () => (await erreurs.count()) === 1, "une seule erreur attendue");
  const cellules = (await erreurs.first().locator("td").allTextContents()).map((t) => t.trim());
  assert(
    cellules.join(" | ") === "4 | date_entree_formation | Date invalide",
    `erreur attendue à la ligne 4, obtenu « ${cellules.join(" | ")} »`,
  );
  await auditTelephone(page);
  const stored = await page.evaluate(
    async (id) => (await (await fetch(`/api/organismes/${id}/effectifs`)).json()).total,
    organisme.id,
  );
  assert(stored === before, `la vérification ne doit rien écrire (${stored} dossiers au lieu de ${before})`);

  await page.getByRole("button", { name: "Importer 2 lignes valides" }).click();
  await hasText(page.locator("#resultat-import"), "2 dossiers créés", { timeoutMs: 15_000 });
  await hasText(page.locator("#resultat-import"), "1 ligne invalide, non importée");

  await page.locator("#resultat-import").getByRole("link", { name: "Mes effectifs" }).click();
  await page.waitForURL((url) => url.pathname === "/effectifs");
  await until(async () => (await total(page)) > before, `Mes effectifs doit compter plus de ${before} dossiers`);
  await page.getByRole("searchbox", { name: "Rechercher par apprenant" }).fill("fichier");
  await until(
    async () => (await total(page)) === 3,
    "les trois lignes du fichier (dont l'invalide) doivent figurer dans Mes effectifs",
  );
}
