import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { erreursParType } from "../../worker/domain/rapport-quotidien";
import { debutJourParis, sendRapportsQuotidiens } from "../../worker/scheduled/rapports-transmission";
import { createUser } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";

const DAY_MS = 86_400_000;
const mails = async (to: string) =>
  (
    await env.DB.prepare('SELECT subject, body FROM outbox_emails WHERE "to" = ? ORDER BY id')
      .bind(to)
      .all<{ subject: string; body: string }>()
  ).results;

describe("the OFA's daily transmission report and the 7-day reminder", () => {
  it("knows when a day starts in Paris, winter and summer", () => {
    expect(debutJourParis("2026-12-02").toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(debutJourParis("2026-07-14").toISOString()).toBe("2026-07-13T22:00:00.000Z");
  });

  it("counts each invalid dossier once per kind of error, in French, most frequent first", () => {
    expect(
      erreursParType([
        [
          { message: "Date invalide", path: "date_de_naissance_apprenant" },
          { message: "Date invalide", path: "date_de_naissance_apprenant" },
        ],
        [
          { message: "Date invalide", path: "date_de_naissance_apprenant" },
          { message: "UAI invalide", path: "etablissement_formateur_uai" },
        ],
      ]),
    ).toEqual([
      ["Date invalide (Date de naissance)", 2],
      ["UAI invalide (UAI du formateur)", 1],
    ]);
  });

  it("sends yesterday's invalid dossiers once, without naming a learner", async () => {
    const { organisme, key } = await organismeAvecCle();
    const user = await createUser({ organismeId: organisme.id });
    const response = await push(key, [
      dossier(organisme, { id_erp_apprenant: "OK1" }),
      dossier(organisme, {
        id_erp_apprenant: "KO1",
        nom_apprenant: "Durandal",
        date_de_naissance_apprenant: "pas une date",
      }),
      dossier(organisme, { id_erp_apprenant: "KO2", date_de_naissance_apprenant: "2005-13-45" }),
    ]);
    expect(response.status).toBe(200);
    // The morning after the pushes.
    const lendemain = new Date(Date.now() + DAY_MS);
    expect(await sendRapportsQuotidiens(env, lendemain)).toMatchObject({ rapports: 1 });
    const [rapport] = await mails(user.email);
    expect(rapport.subject).toMatch(/^2 dossiers en erreur dans vos transmissions du /);
    expect(rapport.body).toContain("2 dossiers");
    expect(rapport.body).toContain("/effectifs");
    expect(rapport.body).not.toContain("Durandal");
    // Once: the same morning again sends nothing more.
    await sendRapportsQuotidiens(env, lendemain);
    expect(await mails(user.email)).toHaveLength(1);
  });

  it("reminds an organisme silent for 7 days, once per silence", async () => {
    const { organisme, key } = await organismeAvecCle();
    const user = await createUser({ organismeId: organisme.id });
    expect((await push(key, [dossier(organisme)])).status).toBe(200);
    expect(await sendRapportsQuotidiens(env, new Date(Date.now() + 3 * DAY_MS))).toMatchObject({ relances: 0 });
    const huitJours = new Date(Date.now() + 8 * DAY_MS);
    await sendRapportsQuotidiens(env, huitJours);
    await sendRapportsQuotidiens(env, new Date(huitJours.getTime() + DAY_MS));
    const relances = (await mails(user.email)).filter((m) => m.subject.startsWith("Aucune transmission"));
    expect(relances).toHaveLength(1);
    expect(relances[0].body).toContain("/parametres");
  });
});
