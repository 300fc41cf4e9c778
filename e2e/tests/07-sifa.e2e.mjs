// SPEC §7 SIFA: the OFA downloads the survey file (CSV without header, XLSX with its "Data" sheet), and a learner its
// ERP pushes while the page is open joins the count and the incomplete list without reload.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import { assert, hasText, login, until, visible } from "../helpers.mjs";

export const name = "Mon enquête SIFA : fichier CSV et XLSX, dossiers incomplets mis à jour en direct";

const DEMO_KEY = "8c1f2a3e-5b7d-4e9a-b0c6-2d4f6a8b1c3e";

const total = async (page) => Number(((await page.locator("#total-sifa").textContent()) ?? "").match(/\d+/)?.[0]);

export default async function ({ newPage, baseUrl }) {
  const page = await newPage();
  await login(page, "ofa-gesti@example.fr");
  await page.goto("/sifa");
  await hasText(page.locator("#etat-direct"), "Mis à jour en direct");
  await visible(page.locator("#total-sifa"));
  const annee = await page.locator("#annee-sifa").inputValue();
  const before = await total(page);
  assert(before > 0, "la démonstration doit avoir des apprentis dans l'enquête");

  const organisme = await (
    await fetch(`${baseUrl}/api/v3/organisme`, { headers: { Authorization: `Bearer ${DEMO_KEY}` } })
  ).json();
  const dir = mkdtempSync(path.join(tmpdir(), "sifa-e2e-"));
  try {
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger le fichier SIFA (CSV)" }).click(),
    ]);
    assert(
      csvDownload.suggestedFilename() === `sifa-${organisme.uai}-${annee}.csv`,
      `nom du fichier CSV inattendu : ${csvDownload.suggestedFilename()}`,
    );
    const csvPath = path.join(dir, "sifa.csv");
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath, "utf8");
    assert(csv.startsWith("\uFEFF"), "le CSV doit commencer par le BOM UTF-8");
    const lignes = csv.slice(1).split("\r\n").filter(Boolean);
    assert(lignes.length === before, `le CSV doit avoir ${before} lignes, sans en-tête (il en a ${lignes.length})`);
    assert(!lignes[0].startsWith("INE;"), "le CSV ne doit pas avoir de ligne d'en-tête");
    assert(
      lignes.every((l) => l.split(";").length >= 47),
      "chaque ligne doit avoir les 47 colonnes",
    );

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Télécharger le fichier SIFA (XLSX)" }).click(),
    ]);
    assert(
      xlsxDownload.suggestedFilename() === `sifa-${organisme.uai}-${annee}.xlsx`,
      `nom du fichier XLSX inattendu : ${xlsxDownload.suggestedFilename()}`,
    );
    const xlsxPath = path.join(dir, "sifa.xlsx");
    await xlsxDownload.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.getWorksheet("Data");
    assert(sheet, "le classeur doit avoir une feuille « Data »");
    const header = sheet.getRow(1).values.slice(1);
    assert(
      header.length === 47 && header[0] === "INE" && header[46] === "SIRET_EMP",
      `en-tête inattendu : ${header.join(",")}`,
    );
    assert(sheet.rowCount === before + 1, `la feuille doit avoir ${before} lignes sous l'en-tête`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // An apprentice under contract on 31 December, sent without INE, sexe nor address: incomplete.
  const rentree = annee.slice(0, 4);
  const dossier = {
    nom_apprenant: "Zzsifa",
    prenom_apprenant: "Sifa",
    date_de_naissance_apprenant: "2007-05-02",
    annee_scolaire: annee,
    id_erp_apprenant: `sifa-e2e-${Date.now()}`,
    date_inscription_formation: `${rentree}-09-01`,
    date_entree_formation: `${rentree}-09-01`,
    date_fin_formation: `${Number(rentree) + 2}-06-30`,
    libelle_court_formation: "CAP MACON",
    etablissement_responsable_uai: organisme.uai,
    etablissement_responsable_siret: organisme.siret,
    etablissement_formateur_uai: organisme.uai,
    etablissement_formateur_siret: organisme.siret,
    contrat_date_debut: `${rentree}-09-15`,
    siret_employeur: "98765432100017",
  };
  const response = await fetch(`${baseUrl}/api/v3/dossiers-apprenants`, {
    method: "POST",
    headers: { Authorization: `Bearer ${DEMO_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify([dossier]),
  });
  assert(response.status === 200, `l'envoi de l'ERP doit réussir (${response.status})`);
  await until(
    async () => (await total(page)) === before + 1,
    `l'enquête doit passer à ${before + 1} apprenants sans recharger la page`,
  );

  // The new learner is in the incomplete list (pages of 50, sorted by name: ZZSIFA is on the last page).
  const derniere = page.getByRole("button", { name: "Page suivante" });
  while ((await derniere.count()) > 0 && (await derniere.isEnabled())) await derniere.click();
  const ligne = page.locator("#table-sifa-incomplets tbody tr", { hasText: "ZZSIFA Sifa" });
  await visible(ligne);
  const manquants = (await ligne.locator("td").last().textContent()) ?? "";
  for (const colonne of ["INE", "SEXE", "ADRESSE"])
    assert(manquants.includes(colonne), `${colonne} doit être signalé manquant (${manquants})`);
}
