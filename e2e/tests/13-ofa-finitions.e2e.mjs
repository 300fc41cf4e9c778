// Issue 13: what still stopped or misled an OFA — held records shown before "Je confirme", confirmations in DSFR
// modals, the dossier's detail in view, a second file after a failed dry run, an expired session sent to the login
// and back, a page that cannot load, the skip link, the footer's mandatory pages, the 404, DSFR pagination and
// accordion, and the phone width of the confirmation table and of "Voir la liste".
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { assert, hasText, login, until, visible } from "../helpers.mjs";

export const name = "finitions côté OFA : dossiers en attente, modales, session expirée, pages obligatoires, téléphone";

const root = path.resolve(import.meta.dirname, "../..");

/** The ERP simulator pushing `count` valid dossiers with `key`. */
function pousser(baseUrl, key, count) {
  execFileSync(
    "npx",
    [
      "tsx",
      "tools/erp-simulator.ts",
      "--key",
      key,
      "--url",
      baseUrl,
      "--count",
      String(count),
      "--seed",
      "1313",
    ].concat(["--invalides", "0", "--quiet"]),
    { cwd: root, stdio: "pipe" },
  );
}

async function dossiersEnAttente({ newPage, baseUrl }) {
  const parametres = await newPage();
  await login(parametres, "ofa@example.fr");
  await parametres.goto("/parametres");
  await parametres.locator("label[for='erp-gesti']").click();
  await parametres.locator("#bouton-confirmer-erp").click();
  await parametres.locator("#bouton-generer-cle").click();
  await parametres.locator("#bouton-copier-cle").click();
  let key = "";
  await until(
    async () => /^[0-9a-f-]{36}$/.test((key = await parametres.evaluate(() => navigator.clipboard.readText()))),
    "la clé doit être copiée",
  );

  const dashboard = await newPage();
  await dashboard.goto("/tableau-de-bord");
  await hasText(dashboard.locator("#etat-direct"), "Mis à jour en direct");
  await hasText(dashboard.locator("p.fr-badge").first(), "OFA", { exact: true });
  await hasText(dashboard.locator("#fiabilite"), "Organisme fiable");
  assert(
    await dashboard.locator("#fiabilite").evaluate((e) => e.classList.contains("fr-badge--success")),
    "« Organisme fiable » doit être un badge de succès",
  );

  pousser(baseUrl, key, 12);
  // Live, without reload: the held records are said on the dashboard, and its tag does not say "Transmet".
  await hasText(dashboard.locator("#dossiers-en-attente"), "12 dossiers reçus attendent votre confirmation", {
    timeoutMs: 8000,
  });
  await hasText(dashboard.locator("#etat-transmission"), "En attente de votre confirmation", { exact: true });
  await hasText(parametres.locator("#dossiers-en-attente"), "12 dossiers reçus attendent votre confirmation");
  const organisme = await parametres.evaluate(async () => {
    const { user } = await (await fetch("/api/auth/session")).json();
    return (await (await fetch(`/api/organismes/${user.organismeId}`)).json()).organisme;
  });
  // The seed's raison sociale, not the enseigne, next to the couple declared.
  await hasText(parametres.locator("#organisme-declare"), organisme.raisonSociale, { exact: true });

  // At phone width the UAI to confirm is on the screen, not behind a horizontal scroll.
  await parametres.setViewportSize({ width: 375, height: 800 });
  const uai = await parametres.locator("#uai-declare").boundingBox();
  assert(uai && uai.x >= 0 && uai.x + uai.width <= 375, `l'UAI doit être visible à 375 px (${JSON.stringify(uai)})`);
  await parametres.setViewportSize({ width: 1280, height: 900 });

  // "Je ne confirme pas" asks first, in a DSFR modal; "Annuler" keeps the key.
  await parametres.getByRole("button", { name: "Je ne confirme pas" }).click();
  const modale = parametres.getByRole("dialog");
  await visible(modale);
  await visible(modale.getByText("Les dossiers reçus en attente de votre confirmation seront écartés."));
  await modale.getByRole("button", { name: "Annuler" }).click();
  await until(async () => !(await modale.isVisible()), "la modale doit se fermer");
  await visible(parametres.getByRole("button", { name: "Je confirme", exact: true }));
  await parametres.getByRole("button", { name: "Je ne confirme pas" }).click();
  await modale.getByRole("button", { name: "Je ne confirme pas" }).click();
  await visible(parametres.locator("#bouton-generer-cle"));

  // Right after the refusal, the dashboard no longer says "Transmet" nor shows held records.
  await until(
    async () => (await dashboard.locator("#dossiers-en-attente").count()) === 0,
    "les dossiers en attente doivent disparaître du tableau de bord",
  );
  await until(
    async () => !((await dashboard.locator("#etat-transmission").textContent()) ?? "").startsWith("Transmet"),
    "le tableau de bord ne doit plus dire « Transmet » après le refus",
  );
  // leaves ofa@ as it found it: no ERP chosen
  await parametres.getByRole("button", { name: "Revenir en arrière" }).click();
  await visible(parametres.getByText("Sélectionnez votre ERP ou outil de gestion utilisé"));
  const erps = await parametres.locator("#choix-erp .fr-radio-group label").allTextContents();
  const catalogue = erps.slice(0, -1);
  assert(
    catalogue.join() === [...catalogue].sort((a, b) => a.localeCompare(b, "fr")).join(),
    `la liste des ERP doit être dans l'ordre alphabétique : ${catalogue.join(", ")}`,
  );
  await parametres.close();
  await dashboard.close();
}

async function mesEffectifs({ newPage }) {
  const page = await newPage();
  await login(page, "ofa-gesti@example.fr");
  await page.goto("/effectifs");
  await visible(page.locator("#table-effectifs tbody tr button").first());
  await visible(page.getByRole("columnheader", { name: "Statut sur TBA" }));
  await hasText(page.locator("#derniere-transmission"), "Dernière transmission vers TBA : ");
  await visible(page.getByRole("navigation", { name: "vous êtes ici :" }));

  // A lower row's detail: it comes into view and takes the focus; closing it gives the focus back to the row.
  const effectif = await page.locator("#table-effectifs tbody tr button.fr-link").nth(40).getAttribute("data-effectif");
  const bouton = page.locator(`button[data-effectif="${effectif}"]`);
  await bouton.click();
  await until(
    () => page.evaluate(() => document.activeElement?.id === "detail-titre"),
    "le détail du dossier doit prendre le focus",
  );
  const titre = await page.locator("#detail-titre").boundingBox();
  assert(titre && titre.y >= 0 && titre.y < 900, `le détail doit être à l'écran (y = ${titre?.y})`);
  await page.locator("#detail-dossier").getByRole("button", { name: "Fermer" }).click();
  await until(() => bouton.evaluate((b) => b === document.activeElement), "le focus doit revenir à la ligne");

  // Tooltips name the fields in French.
  const erreurs = await page.locator("#table-effectifs .tooltip").allTextContents();
  assert(erreurs.length > 0, "la démo doit avoir des dossiers invalides");
  assert(!erreurs.some((t) => /[a-z]+_[a-z]+/.test(t)), `infobulles en noms de champs bruts : ${erreurs[0]}`);

  // DSFR pagination with page numbers.
  const pagination = page.getByRole("navigation", { name: "Pagination des dossiers apprenants" });
  await pagination.getByRole("button", { name: "2", exact: true }).click();
  await until(
    async () => (await pagination.locator("[aria-current='page']").textContent()) === "2",
    "la page 2 doit être la page courante",
  );
  await hasText(page.locator("#table-effectifs tbody tr td").first(), "51", { exact: true });

  // Mes indicateurs on a phone: each "Voir la liste" right under its own tile.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/indicateurs");
  const tuile = await page.locator("[data-compteur='rupturants']").boundingBox();
  const voir = await page.locator("[data-liste='rupturants']").boundingBox();
  assert(
    tuile && voir && voir.y >= tuile.y + tuile.height && voir.y - (tuile.y + tuile.height) < 40,
    `« Voir la liste » doit être sous sa tuile (${JSON.stringify({ tuile, voir })})`,
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  // A date with no data says why its counters are zero.
  await page.locator("#date-indicateurs").fill("2015-01-15");
  await page.locator("#date-indicateurs").press("Enter");
  await visible(page.locator("#aucune-donnee"));
  await page.close();
}

/** An expired session: the next search sends to the login, which brings back. (Its own page: the browser logs the
 * refused request as a console error, which would fail the test.) */
async function sessionExpiree({ context }) {
  const page = await context.newPage();
  await login(page, "ofa-gesti@example.fr");
  // The live socket's first message revalidates the list: the session must end after that request, not before it
  // (which would send to the login before the search).
  const snapshot = new Promise((resolve) =>
    page.on("websocket", (ws) =>
      ws.on("framereceived", ({ payload }) => String(payload).includes('"type":"snapshot"') && resolve()),
    ),
  );
  await page.goto("/effectifs");
  await visible(page.locator("#table-effectifs tbody tr button").first());
  await snapshot;
  await page.waitForLoadState("networkidle");
  await context.clearCookies();
  await page.getByRole("searchbox", { name: "Rechercher par apprenant" }).fill("a");
  await page.waitForURL((url) => url.pathname === "/connexion", { timeout: 5000 });
  await page.locator("#email").fill("ofa-gesti@example.fr");
  await page.locator("#password").fill("demo-apprentissage");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/effectifs", { timeout: 5000 });
  await visible(page.locator("#table-effectifs tbody tr button").first());
  await page.close();
}

/** A CSV of the organisme: one line whose date is wrong when `erreur`, else two good ones. */
function csv(organisme, erreur) {
  const entetes = [
    "nom_apprenant",
    "prenom_apprenant",
    "date_de_naissance_apprenant",
    "annee_scolaire",
    "date_inscription_formation",
    "date_entree_formation",
    "date_fin_formation",
    "libelle_court_formation",
    "etablissement_responsable_uai",
    "etablissement_responsable_siret",
    "etablissement_formateur_uai",
    "etablissement_formateur_siret",
  ];
  const ligne = (prenom, entree) =>
    ["Second", prenom, "12/05/2006", "2023-2024", "01/07/2023", entree, "30/06/2025", "CAP CUISINE"]
      .concat([organisme.uai, organisme.siret, organisme.uai, organisme.siret])
      .join(";");
  const lignes = erreur ? [ligne("Erreur", "32/13/2023")] : [ligne("Un", "04/09/2023"), ligne("Deux", "04/09/2023")];
  return [entetes.join(";"), ...lignes].join("\r\n");
}

async function secondFichier({ newPage }) {
  const page = await newPage();
  await login(page, "ofa@example.fr");
  await page.goto("/effectifs/ajout-fichier");
  const organisme = await page.evaluate(async () => {
    const { user } = await (await fetch("/api/auth/session")).json();
    return (await (await fetch(`/api/organismes/${user.organismeId}`)).json()).organisme;
  });
  const dir = mkdtempSync(path.join(tmpdir(), "e2e-fichier-"));
  try {
    // The template, downloaded and uploaded unchanged: its example row is the organisme's own, so it is valid.
    const [telechargement] = await Promise.all([page.waitForEvent("download"), page.locator("#bouton-modele").click()]);
    const modele = path.join(dir, "modele.xlsx");
    await telechargement.saveAs(modele);
    await page.locator("#fichier-effectifs").setInputFiles(modele);
    await hasText(page.locator("#resume-verification"), "1 ligne valide sur 1", { exact: true });

    const mauvais = path.join(dir, "mauvais.csv");
    const bon = path.join(dir, "bon.csv");
    writeFileSync(mauvais, csv(organisme, true));
    writeFileSync(bon, csv(organisme, false));
    await page.locator("#fichier-effectifs").setInputFiles(mauvais);
    await hasText(page.locator("#resume-verification"), "0 ligne valide sur 1, 1 ligne en erreur");
    await visible(page.locator("#table-erreurs-fichier"));
    // Another file after the failed dry run: reported, the old errors gone (and no JS error: the runner fails on one).
    await page.locator("#fichier-effectifs").setInputFiles(bon);
    await hasText(page.locator("#resume-verification"), "2 lignes valides sur 2", { exact: true });
    assert(
      (await page.locator("#table-erreurs-fichier").count()) === 0,
      "les erreurs du premier fichier doivent partir",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.close();
}

async function pagesEtNavigation({ newPage, context }) {
  const page = await newPage();
  await page.goto("/");
  // The skip link moves the focus to the content.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await until(
    () => page.evaluate(() => document.activeElement?.id === "contenu"),
    "« Aller au contenu » doit mettre le focus sur le contenu",
  );

  // The footer's mandatory links and gouv.fr links; each of its pages exists.
  const pied = page.locator("footer.fr-footer");
  for (const site of ["info.gouv.fr", "service-public.fr", "legifrance.gouv.fr", "data.gouv.fr"])
    await visible(pied.getByRole("link", { name: site }));
  for (const [lien, titre] of [
    ["Accessibilité : non conforme", "Déclaration d'accessibilité"],
    ["Mentions légales", "Mentions légales"],
    ["Données personnelles", "Données personnelles"],
    ["Gestion des cookies", "Gestion des cookies"],
  ]) {
    await pied.getByRole("link", { name: lien }).click();
    await visible(page.getByRole("heading", { level: 1, name: titre }));
    await visible(page.getByRole("navigation", { name: "vous êtes ici :" }));
  }
  await visible(page.getByRole("heading", { name: "État de conformité" }).or(page.getByText("tba_session")));

  // The 404 is DSFR's, not "en cours de construction".
  await page.goto("/cette-page-n-existe-pas");
  await visible(page.getByRole("heading", { level: 1, name: "Page non trouvée" }));
  assert(!(await page.getByText("en cours de construction").count()), "la 404 ne doit pas dire « en construction »");

  // The FAQ is a DSFR accordion.
  await page.goto("/question");
  const question = page.getByRole("button", { name: "Comment transmettre mes effectifs ?" });
  assert((await question.getAttribute("aria-expanded")) === "false", "la question doit être repliée");
  await question.click();
  assert((await question.getAttribute("aria-expanded")) === "true", "la question doit se déplier");
  await visible(page.getByText("Une fois votre espace créé, cliquez sur Paramètres"));
  await page.close();

  // The server unreachable while changing page: a message, not a blank page. (A page of its own: the failed
  // loads are console errors, which would fail the test.)
  const horsLigne = await context.newPage();
  await login(horsLigne, "ofa-gesti@example.fr");
  await horsLigne.route("**/assets/**", (route) => route.abort());
  await horsLigne
    .getByRole("navigation", { name: "Menu principal" })
    .getByRole("link", { name: "Mon enquête SIFA" })
    .click();
  await visible(horsLigne.locator("#page-en-erreur"));
  await hasText(horsLigne.locator("#page-en-erreur"), "La page n'a pas pu être chargée");
  await horsLigne.close();
}

export default async function (args) {
  await dossiersEnAttente(args);
  await mesEffectifs(args);
  await secondFichier(args);
  await sessionExpiree(args);
  await pagesEtNavigation(args);
}
