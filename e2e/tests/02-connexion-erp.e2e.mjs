// Issue 3: the seed's procedure. The settings page is open; an ERP (a plain HTTP client here, written from
// SPEC §5) uses the copied key; the page turns to the confirmation by itself; "Je confirme"; then reset.
import { hasText, login, until, visible } from "../helpers.mjs";

export const name = "procédure de connexion de l'ERP Gesti, la page change seule quand l'ERP utilise la clé";

export default async function ({ newPage, baseUrl }) {
  const page = await newPage();
  await login(page, "ofa@example.fr");
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Paramètres" }).click();
  await visible(page.getByRole("heading", { name: "Paramétrage de votre moyen de transmission" }));
  await visible(page.getByText("Sélectionnez votre ERP ou outil de gestion utilisé"));

  await page.locator("label[for='erp-gesti']").click();
  await page.locator("#bouton-confirmer-erp").click();
  await visible(page.getByText("Votre établissement utilise Gesti."));
  await visible(page.getByText("Démarrer l'interfaçage avec Gesti."));
  for (const step of [
    "Générer la clé en cliquant sur le bouton ci-dessous",
    "Copier la clé",
    "Retourner dans votre compte ERP pour la coller",
    "Finaliser en confirmant l'UAI et SIRET de votre établissement",
  ]) {
    await visible(page.getByText(step, { exact: false }));
  }
  await visible(page.getByRole("button", { name: "Revenir en arrière" }));
  await page.locator("#bouton-generer-cle").click();
  await visible(page.getByText("La clé d'API générée est à copier puis à coller dans votre ERP"));
  await page.locator("#bouton-copier-cle").click();
  let key = "";
  await until(
    async () => /^[0-9a-f-]{36}$/.test((key = await page.evaluate(() => navigator.clipboard.readText()))),
    "la clé doit être copiée",
  );

  // The ERP, on its server: a wrong key is refused with the reference's message, the right one is accepted.
  const erpTest = (authorization) =>
    fetch(`${baseUrl}/api/v3/dossiers-apprenants/test`, {
      method: "POST",
      headers: authorization ? { Authorization: authorization } : {},
    });
  const missing = await erpTest(null);
  if (missing.status !== 403 || (await missing.json()).message !== "Clé API manquante")
    throw new Error("403 Clé API manquante attendu");
  const started = Date.now();
  const ok = await erpTest(`Bearer ${key}`);
  const body = await ok.json();
  if (ok.status !== 200 || body.msg !== "ok") throw new Error(`/test: ${ok.status} ${JSON.stringify(body)}`);

  // No reload: the open page turns to the confirmation screen through its WebSocket.
  await visible(page.getByText("Vous avez correctement installé la nouvelle clé d'échange sur votre ERP."), 3000);
  const elapsed = Date.now() - started;
  if (elapsed > 1500) throw new Error(`la page a mis ${elapsed} ms à changer`);
  for (const header of ["Organisme de formation", "SIRET", "UAI", "Interfaçage"])
    await visible(page.getByRole("columnheader", { name: header }));
  await visible(page.getByRole("button", { name: "Je ne confirme pas" }));
  await page.getByRole("button", { name: "Je confirme", exact: true }).click();

  await visible(page.getByText("Votre moyen de transmission est paramétré avec Gesti."));
  const today = new Date().toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" });
  await hasText(page.locator("#configure-le"), `(configuré le ${today} par Claire Martin)`, { exact: true });
  await visible(page.getByRole("link", { name: "Mes effectifs" }));

  await visible(page.getByText("La procédure est terminée : bravo !"));
  // Revoking the key asks first, in a DSFR modal; "Annuler" changes nothing.
  await page.getByRole("button", { name: "Réinitialiser ma configuration" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Annuler" }).click();
  await visible(page.getByText("Votre moyen de transmission est paramétré avec Gesti."));
  await page.getByRole("button", { name: "Réinitialiser ma configuration" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Réinitialiser ma configuration" }).click();
  await visible(page.getByText("Sélectionnez votre ERP ou outil de gestion utilisé"));
  const afterReset = await erpTest(`Bearer ${key}`);
  if (afterReset.status !== 403)
    throw new Error(`après réinitialisation, la clé doit être refusée (reçu ${afterReset.status})`);
}
