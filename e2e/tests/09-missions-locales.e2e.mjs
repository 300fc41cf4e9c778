// Issue 10: the Mission Locale of Clermont-Ferrand keeps "Jeunes en rupture" open; the Gesti demo ERP pushes a learner
// of 19 living in Clermont-Ferrand (INSEE 63113) whose only contract was broken 10 days ago: the learner appears by
// itself; the CFA sees the Mission Locale in the dossier and signals the learner (flagged on the open list, live);
// the Mission Locale changes the follow-up state with a note (in the history, seen by the CFA live); the ERP pushes
// the learner again with a new contract: the learner leaves the list, shown under "Nouveau contrat signé".
// Also: the sign-up finds a Mission Locale (Enter runs the search), axe-core on the pages and the modal, phone width.
import { accessible, assert, hasText, login, until, visible } from "../helpers.mjs";

export const name = "Missions Locales : un jeune en rupture poussé par l'ERP apparaît puis quitte la liste ouverte";

const DEMO_KEY = "8c1f2a3e-5b7d-4e9a-b0c6-2d4f6a8b1c3e";

const DAY = 86_400_000;
const jour = (offset) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const anneeScolaireOf = (date) => {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
};

export default async function ({ browser, newPage, baseUrl }) {
  // The sign-up finds the Mission Locale; Enter in the search runs it (no form submitted, no bubble).
  const page = await newPage();
  await page.goto("/inscription");
  await page.locator("label[for='categorie-MISSION_LOCALE']").click();
  await page.getByLabel("Votre Mission Locale").fill("Clermont");
  await page.getByLabel("Votre Mission Locale").press("Enter");
  await page.locator("#missions-locales-trouvees label", { hasText: "Mission Locale de Clermont-Ferrand" }).click();
  assert(new URL(page.url()).pathname === "/inscription", "Entrée lance la recherche, pas l'inscription");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await hasText(page.locator("#prenom-error"), "Indiquez votre prénom.");
  await hasText(page.locator("#password-error"), "au moins 12 caractères");

  // The Mission Locale's list is open and live.
  await login(page, "mission-locale@example.fr");
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  await visible(nav.getByRole("link", { name: "Jeunes en rupture" }));
  assert((await nav.getByRole("link", { name: "Mes indicateurs" }).count()) === 0, "pas de Mes indicateurs");
  await page.goto("/tableau-de-bord");
  await visible(page.locator("#tableau-mission-locale"));
  await hasText(page.locator("#ml-titre"), "Mission Locale de Clermont-Ferrand");
  await page.getByRole("link", { name: "Voir les jeunes en rupture" }).click();
  await page.waitForURL((url) => url.pathname === "/jeunes-en-rupture");
  await hasText(page.locator("#etat-direct"), "Mis à jour en direct");
  await hasText(page.locator("#mission-locale-nom"), "Mission Locale de Clermont-Ferrand");
  await hasText(page.locator("#nombre-jeunes"), "jeune");

  // The ERP pushes a learner of 19 living in Clermont-Ferrand whose only contract was broken 10 days ago.
  const organisme = await (
    await fetch(`${baseUrl}/api/v3/organisme`, { headers: { Authorization: `Bearer ${DEMO_KEY}` } })
  ).json();
  const suffixe = Date.now().toString(36).toUpperCase();
  const nom = `RUPTURE${suffixe}`;
  const debut = jour(-90);
  // 19 years and a month old
  const naissance = `${Number(jour(-30).slice(0, 4)) - 19}${jour(-30).slice(4)}`;
  const dossier = {
    nom_apprenant: nom,
    prenom_apprenant: "Camille",
    date_de_naissance_apprenant: naissance,
    code_commune_insee_apprenant: "63113",
    code_postal_apprenant: "63000",
    tel_apprenant: "0612345678",
    email_contact: `camille.${suffixe.toLowerCase()}@example.fr`,
    annee_scolaire: anneeScolaireOf(debut),
    id_erp_apprenant: `E2E-ML-${suffixe}`,
    date_inscription_formation: debut,
    date_entree_formation: debut,
    date_fin_formation: jour(600),
    contrat_date_debut: debut,
    contrat_date_fin: jour(600),
    contrat_date_rupture: jour(-10),
    siret_employeur: "98765432100017",
    libelle_court_formation: "CAP MAÇON E2E",
    etablissement_responsable_uai: organisme.uai,
    etablissement_responsable_siret: organisme.siret,
    etablissement_formateur_uai: organisme.uai,
    etablissement_formateur_siret: organisme.siret,
  };
  const push = async (body) => {
    const response = await fetch(`${baseUrl}/api/v3/dossiers-apprenants`, {
      method: "POST",
      headers: { Authorization: `Bearer ${DEMO_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify([body]),
    });
    assert(response.status === 200, `la transmission est acceptée (${response.status} ${await response.text()})`);
  };
  // The ARML of the région keeps its dashboard open (its own browser): its counters follow, live.
  const armlContext = await browser.newContext({ baseURL: baseUrl });
  const arml = await armlContext.newPage();
  await login(arml, "arml@example.fr");
  await arml.goto("/tableau-de-bord");
  await hasText(arml.locator("#etat-direct"), "Mis à jour en direct");
  const rupturantsArml = arml
    .locator("#table-arml tbody tr[data-mission-locale]", { hasText: "Mission Locale de Clermont-Ferrand" })
    .locator("td[data-onglet='rupturants']");
  const avant = Number(await rupturantsArml.textContent());

  const ligne = page.locator("#table-jeunes tbody tr[data-jeune]", { hasText: nom });
  await push(dossier);
  await until(
    async () => (await ligne.count()) === 1,
    "le jeune apparaît sur la liste ouverte, sans recharger",
    10_000,
  );
  await until(
    async () => Number(await rupturantsArml.textContent()) === avant + 1,
    "le tableau de bord de l'ARML compte le jeune, sans recharger",
    10_000,
  );
  await armlContext.close();
  const texte = (await ligne.textContent()).replace(/\s+/g, " ");
  for (const attendu of ["Camille", "19", "0612345678", "CAP MAÇON E2E", "98765432100017", "10", "À traiter"])
    assert(texte.includes(attendu), `la ligne contient « ${attendu} » : ${texte}`);
  assert(/Clermont/i.test(texte), `la commune est Clermont-Ferrand : ${texte}`);

  // The CFA sees which Mission Locale covers the learner, and signals the learner (its own browser).
  const cfaContext = await browser.newContext({ baseURL: baseUrl });
  const cfaProblems = [];
  const cfa = await cfaContext.newPage();
  cfa.on("pageerror", (e) => cfaProblems.push(`pageerror: ${e.message}`));
  cfa.on("console", (m) => m.type() === "error" && cfaProblems.push(`console: ${m.text()}`));
  try {
    await login(cfa, "ofa-gesti@example.fr");
    await cfa.goto("/effectifs");
    await cfa.getByLabel("Rechercher par apprenant").fill(nom);
    const bouton = cfa.locator("#table-effectifs tbody button", { hasText: nom });
    await until(async () => (await bouton.count()) === 1, "le dossier est trouvé dans Mes effectifs", 10_000);
    await bouton.click();
    const suivi = cfa.locator("#suivi-mission-locale");
    await hasText(suivi.locator("#suivi-ml-nom"), "Mission Locale de Clermont-Ferrand");
    await hasText(suivi.locator("#suivi-ml-etat"), "À traiter");
    await suivi.getByRole("button", { name: "Signaler à la Mission Locale" }).click();
    await cfa.locator("#formulaire-signalement").getByRole("button", { name: "Signaler", exact: true }).click();
    await hasText(cfa.locator("#signalement-motif-error"), "Choisissez le motif du signalement.");
    await cfa.locator("#signalement-motif").selectOption("recherche_employeur");
    await cfa.locator("#signalement-note").fill("Cherche un nouvel employeur dans le BTP.");
    await cfa.locator("#signalement-contactNom").fill("Jeanne Référente");
    await cfa.locator("#signalement-contactTelephone").fill("04 73 00 00 00");
    await cfa.locator("#formulaire-signalement").getByRole("button", { name: "Signaler", exact: true }).click();
    await visible(cfa.locator("#signalement-envoye"));
    await hasText(cfa.locator("#historique-suivi-cfa"), "Recherche d'un nouvel employeur");

    // On the Mission Locale's open list: flagged, at the top, live.
    await until(
      async () => (await ligne.textContent()).includes("Signalé par le CFA"),
      "le jeune est signalé sur la liste ouverte",
      10_000,
    );
    await hasText(page.locator("#table-jeunes tbody tr[data-jeune]").first(), nom);

    // The Mission Locale opens the follow-up: contact details, the CFA's signalement, then a change of state.
    await ligne.locator("button.bouton-jeune").click();
    const modale = page.locator("#modale-jeune");
    await hasText(modale.locator("#modale-jeune-titre"), `Camille ${nom}`);
    await hasText(modale.locator("#coordonnees-jeune"), "0612345678");
    await hasText(modale.locator("#historique-suivi"), "Jeanne Référente — 04 73 00 00 00");
    await hasText(modale.locator("#historique-suivi"), "Cherche un nouvel employeur dans le BTP.");
    await accessible(page, "/jeunes-en-rupture, suivi ouvert");
    await modale.locator("#suivi-etat").selectOption("a_recontacter");
    await modale.getByRole("button", { name: "Enregistrer" }).click();
    await hasText(modale.locator("#suivi-date-error"), "Indiquez la date à laquelle recontacter le jeune.");
    await modale.locator("#suivi-etat").selectOption("contacte");
    await modale.locator("#suivi-note").fill("Premier appel : rendez-vous pris jeudi.");
    await modale.getByRole("button", { name: "Enregistrer" }).click();
    await visible(modale.locator("#suivi-enregistre"));
    await hasText(modale.locator("#historique-suivi li").last(), "Contacté");
    await hasText(modale.locator("#historique-suivi li").last(), "Premier appel : rendez-vous pris jeudi.");
    await hasText(modale.locator("#historique-suivi li").last(), "Mission Locale de Clermont-Ferrand");
    await page.keyboard.press("Escape");
    await until(async () => !(await modale.isVisible()), "la fenêtre se ferme");
    await hasText(ligne.locator("[data-etat]"), "Contacté");

    // The CFA's open dossier follows the change of state.
    await hasText(cfa.locator("#suivi-ml-etat"), "Contacté", { timeoutMs: 10_000 });
    await hasText(cfa.locator("#historique-suivi-cfa"), "Premier appel : rendez-vous pris jeudi.");
    await hasText(
      cfa.locator("#table-effectifs tbody tr", { hasText: nom }).locator("[data-mission-locale]"),
      "Mission Locale de Clermont-Ferrand : Contacté",
    );
    assert(cfaProblems.length === 0, `erreurs dans le navigateur du CFA :\n${cfaProblems.join("\n")}`);
  } catch (e) {
    await cfa.screenshot({ path: `${import.meta.dirname}/../artifacts/09-missions-locales-cfa.png`, fullPage: true });
    throw e;
  } finally {
    await cfaContext.close();
  }

  // The same learner again, with a new contract: off the list by itself, under "Nouveau contrat signé".
  await push({
    ...dossier,
    contrat_date_debut_2: jour(-2),
    contrat_date_fin_2: jour(700),
    siret_employeur_2: "12345678200010",
  });
  await until(async () => (await ligne.count()) === 0, "le jeune quitte la liste ouverte, sans recharger", 10_000);
  await page.locator("#onglet-rupturants").focus();
  await page.keyboard.press("ArrowRight");
  await until(
    async () => new URL(page.url()).searchParams.get("onglet") === "nouveau_contrat",
    "la flèche droite ouvre l'onglet Nouveau contrat signé",
  );
  await hasText(page.locator("#onglet-nouveau_contrat[aria-selected='true']"), "Nouveau contrat signé");
  await until(async () => (await ligne.count()) === 1, "le jeune est sous « Nouveau contrat signé »", 10_000);
  await ligne.locator("button.bouton-jeune").click();
  await hasText(page.locator("#historique-suivi"), "Premier appel : rendez-vous pris jeudi.");
  await page.keyboard.press("Escape");

  // Phone width: the page stays usable and accessible.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/jeunes-en-rupture");
  await visible(page.locator("#table-jeunes tbody tr").first());
  await accessible(page, "/jeunes-en-rupture à 375 px");
}
