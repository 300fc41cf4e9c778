// Issue 11, item 2 (How it will be checked): as ofa-gesti@example.fr, the administrateur of its organisation, invite
// a colleague from Mon organisation; the link is read from the outbox; the colleague opens it in another browser,
// creates their account and lands in the organisation, as a membre who reads Paramètres without changing them; the
// administrateur sees them listed, then removes them, which ends their session at once.
import { accessible, assert, hasText, login, queryD1, until, visible } from "../helpers.mjs";

export const name = "Mon organisation : inviter un collègue, accepter l'invitation, le retirer";

export default async function ({ newPage, browser, baseUrl, server }) {
  const email = `collegue-${Date.now()}@example.fr`;

  // ── The administrateur invites ──
  const page = await newPage();
  await login(page, "ofa-gesti@example.fr");
  await page.getByRole("link", { name: "Mon organisation" }).first().click();
  await page.waitForURL((url) => url.pathname === "/mon-organisation");
  await visible(page.getByRole("heading", { name: "Mon organisation", level: 1 }));
  await hasText(page.locator('#table-membres tr[data-membre="ofa-gesti@example.fr"]'), "Administrateur");
  await page.locator("#invitation-email").fill(email);
  await page.locator("#invitation-role").selectOption("membre");
  await page.getByRole("button", { name: "Inviter", exact: true }).click();
  await hasText(page.locator("#message-organisation"), `Une invitation a été envoyée à ${email}`);
  await hasText(page.locator(`#table-invitations tr[data-invitation="${email}"]`), "Membre");
  await accessible(page);

  // The link, from the outbox (the message the cron sends)
  const [mail] = queryD1(server.stateDir, `SELECT body FROM outbox_emails WHERE "to" = '${email}' ORDER BY id DESC`);
  assert(mail, "l'invitation est dans la file d'envoi");
  const link = /https?:\/\/\S+\/invitation\?jeton=[0-9a-f]+/.exec(mail.body)?.[0];
  assert(link, `un lien d'invitation dans ${mail.body}`);
  const [stored] = queryD1(server.stateDir, `SELECT token_hash FROM invitations WHERE email = '${email}'`);
  assert(stored && !link.includes(stored.token_hash), "seule l'empreinte du jeton est stockée");

  // ── The colleague, in a browser of their own ──
  const other = await browser.newContext({ baseURL: baseUrl });
  const problems = [];
  const colleague = await other.newPage();
  colleague.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  colleague.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  try {
    await colleague.goto(new URL(link).pathname + new URL(link).search);
    await hasText(colleague.locator("#invitation-resume"), "CFA");
    await hasText(colleague.locator("#invitation-email"), email);
    await accessible(colleague);
    await colleague.locator('label[for="civilite-Madame"]').click();
    await colleague.locator("#prenom").fill("Léa");
    await colleague.locator("#nom").fill("Collègue");
    await colleague.locator("#password").fill("court");
    await colleague.locator("#confirmation").fill("court");
    await colleague.getByRole("button", { name: /Créer mon compte/ }).click();
    await hasText(colleague.locator("#password-error"), "au moins 12 caractères");
    await colleague.locator("#password").fill("un-mot-de-passe-solide");
    await colleague.locator("#confirmation").fill("un-mot-de-passe-solide");
    await colleague.getByRole("button", { name: /Créer mon compte/ }).click();
    await colleague.waitForURL((url) => url.pathname !== "/invitation");
    await visible(colleague.getByRole("link", { name: /Léa Collègue/ }));

    // A membre reads Paramètres, its buttons disabled, and is told why.
    await colleague.goto("/parametres");
    await hasText(colleague.locator("#parametrage-reserve"), "Seuls les administrateurs de votre organisation");
    await colleague.getByRole("link", { name: "Mon organisation" }).first().click();
    await visible(colleague.locator("#lecture-seule"));
    assert((await colleague.locator("#form-invitation").count()) === 0, "un membre n'invite pas");

    // The link is used: opened again, it says so.
    const again = await other.newPage();
    await again.goto(new URL(link).pathname + new URL(link).search);
    await hasText(again.locator(".fr-alert--error"), "n'est plus valable");
    await again.close();

    // ── The administrateur sees the new member, then removes them ──
    await page.reload();
    const row = page.locator(`#table-membres tr[data-membre="${email}"]`);
    await hasText(row, "Actif");
    await hasText(row, "Membre");
    await visible(page.locator("#aucune-invitation"));
    await row.getByRole("button", { name: "Retirer" }).click();
    const modale = page.getByRole("dialog", { name: /Retirer Madame Léa Collègue/ });
    await visible(modale);
    // The DSFR modal fades in: axe would measure the contrast of half-transparent text.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await accessible(page);
    await modale.getByRole("button", { name: "Retirer de l'organisation" }).click();
    await hasText(page.locator("#message-organisation"), "ne fait plus partie de l'organisation");
    await until(async () => (await row.count()) === 0, "le membre retiré n'est plus listé");

    // Their session has ended: the next request sends them to the login.
    await colleague.goto("/mon-organisation");
    await until(
      async () =>
        /connexion/.test(colleague.url()) || (await colleague.getByRole("link", { name: "Se connecter" }).count()) > 0,
      "la session du membre retiré est terminée",
    );
    const [removed] = queryD1(server.stateDir, `SELECT status FROM users WHERE email = '${email}'`);
    assert(removed?.status === "disabled", "le compte retiré est désactivé");
    const unexpected = problems.filter((p) => !/401|403|404|Failed to load resource/.test(p));
    assert(unexpected.length === 0, `erreurs dans le navigateur du collègue :\n${unexpected.join("\n")}`);
  } finally {
    await other.close();
  }
}
