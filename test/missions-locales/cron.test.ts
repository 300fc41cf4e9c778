// The Missions Locales' daily jobs: the morning digest through the outbox (no personal data) and the RGPD purge of
// follow-ups inactive for 12 months (SPEC §10, §11).
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PURGE_BATCH } from "../../worker/data/suivis-mission-locale";
import { purgeSuivisMissionsLocales, sendMissionsLocalesDigests } from "../../worker/scheduled/missions-locales";
import { organismeAvecCle } from "../ingestion/helpers";
import { communeUnique, conseiller, createMissionLocale, dossierEnRupture, pousser } from "./helpers";

const outbox = async (to: string) =>
  (
    await env.DB.prepare('SELECT subject, body FROM outbox_emails WHERE "to" = ? ORDER BY id')
      .bind(to)
      .all<{ subject: string; body: string }>()
  ).results;

describe("sendMissionsLocalesDigests", () => {
  it("sends one e-mail per Mission Locale with new rupturants, with their number and no name, and announces a learner once", async () => {
    const [a, b, c] = [communeUnique(), communeUnique(), communeUnique()];
    const mlA = await createMissionLocale({ communes: [a] });
    const mlB = await createMissionLocale({ communes: [b] });
    const mlSansCompte = await createMissionLocale({ communes: [c] });
    const [userA, userA2, userB] = [await conseiller(mlA), await conseiller(mlA), await conseiller(mlB)];
    const { organisme, key } = await organismeAvecCle();
    const home = (x: typeof a) => ({ insee: x.insee, postal: x.postal });
    await pousser(key, [
      dossierEnRupture(organisme, { nom: "Nominatif", prenom: "Zélie", commune: home(a) }),
      dossierEnRupture(organisme, { nom: "Nominatif", prenom: "Hugo", commune: home(a), ruptureIlYA: 3 }),
      // Not new rupturants: back under contract, too old, in rupture for more than 180 days.
      dossierEnRupture(organisme, { commune: home(a), nouveauContratIlYA: 2 }),
      dossierEnRupture(organisme, { commune: home(a), age: 30 }),
      dossierEnRupture(organisme, { commune: home(a), ruptureIlYA: 200 }),
      dossierEnRupture(organisme, { commune: home(c) }),
    ]);

    const now = new Date();
    const sent = await sendMissionsLocalesDigests(env, now);
    expect(sent[mlA.id]).toBe(2);
    expect(sent[mlB.id]).toBeUndefined();
    expect(sent[mlSansCompte.id]).toBeUndefined();
    for (const user of [userA, userA2]) {
      const mails = await outbox(user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe("2 nouveaux jeunes en rupture de contrat dans votre zone");
      expect(mails[0].body).toContain("http://localhost:8787/jeunes-en-rupture");
      expect(mails[0].subject + mails[0].body).not.toMatch(/nominatif|zélie|hugo|0611223344|lea\.martin|63113/i);
    }
    expect(await outbox(userB.email)).toEqual([]);
    const digest = await env.DB.prepare("SELECT digest_envoye_at AS at FROM missions_locales WHERE id = ?")
      .bind(mlA.id)
      .first<{ at: string }>();
    expect(digest!.at).toBe(now.toISOString());

    // Announced once: the next run has nothing new for A; a new rupture is announced alone.
    expect((await sendMissionsLocalesDigests(env))[mlA.id]).toBeUndefined();
    expect(await outbox(userA.email)).toHaveLength(1);
    await pousser(key, [dossierEnRupture(organisme, { commune: home(a), ruptureIlYA: 0 })]);
    expect((await sendMissionsLocalesDigests(env))[mlA.id]).toBe(1);
    const mails = await outbox(userA.email);
    expect(mails.map((m) => m.subject)).toEqual([
      "2 nouveaux jeunes en rupture de contrat dans votre zone",
      "1 nouveau jeune en rupture de contrat dans votre zone",
    ]);
    // The announced learners are opened « à traiter » on the worklist.
    const suivis = await env.DB.prepare(
      "SELECT etat, COUNT(*) AS n FROM suivis_mission_locale WHERE mission_locale_id = ? GROUP BY etat",
    )
      .bind(mlA.id)
      .all();
    expect(suivis.results).toEqual([{ etat: "a_traiter", n: 3 }]);
  });
});

describe("purgeSuivisMissionsLocales", () => {
  const monthsAgo = (now: Date, months: number, days = 0) => {
    const d = new Date(now);
    d.setUTCMonth(d.getUTCMonth() - months);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString();
  };

  async function suivi(effectifId: string, missionLocaleId: string, derniereActiviteAt: string, evenements = 2) {
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO suivis_mission_locale (effectif_id, mission_locale_id, etat, derniere_activite_at) VALUES (?, ?, 'contacte', ?)",
      ).bind(effectifId, missionLocaleId, derniereActiviteAt),
      ...Array.from({ length: evenements }, () =>
        env.DB.prepare(
          "INSERT INTO suivi_evenements (effectif_id, mission_locale_id, at, user_id, auteur, cote, etat, note) VALUES (?, ?, ?, 'u', 'Nadia Roux (ML)', 'mission_locale', 'contacte', 'Note personnelle')",
        ).bind(effectifId, missionLocaleId, derniereActiviteAt),
      ),
    ]);
  }

  const count = async (table: string, effectifId: string, missionLocaleId: string) =>
    (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE effectif_id = ? AND mission_locale_id = ?`)
      .bind(effectifId, missionLocaleId)
      .first<{ n: number }>())!.n;

  it("deletes the follow-ups and their history inactive for more than 12 months, keeps the recent ones, and audits it", async () => {
    const now = new Date("2026-11-20T03:17:00.000Z");
    const [ml1, ml2] = [crypto.randomUUID(), crypto.randomUUID()];
    const [vieux, recent, limite] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await suivi(vieux, ml1, monthsAgo(now, 13));
    // The same learner followed by another Mission Locale lately: that follow-up stays.
    await suivi(vieux, ml2, monthsAgo(now, 2));
    await suivi(recent, ml1, monthsAgo(now, 2));
    await suivi(limite, ml1, monthsAgo(now, 12, -1));

    const removed = await purgeSuivisMissionsLocales(env, now);
    expect(removed).toBe(1);
    expect(await count("suivis_mission_locale", vieux, ml1)).toBe(0);
    expect(await count("suivi_evenements", vieux, ml1)).toBe(0);
    for (const [effectifId, ml] of [
      [vieux, ml2],
      [recent, ml1],
      [limite, ml1],
    ]) {
      expect(await count("suivis_mission_locale", effectifId, ml)).toBe(1);
      expect(await count("suivi_evenements", effectifId, ml)).toBe(2);
    }
    const audit = await env.DB.prepare(
      "SELECT organisme_id, user_id, actor, detail, at FROM audit_log WHERE action = 'suivis-mission-locale-purges'",
    ).all<Record<string, string | null>>();
    expect(audit.results).toEqual([
      {
        organisme_id: null,
        user_id: null,
        actor: "Tableau de bord (tâche quotidienne)",
        detail: JSON.stringify({ suivis: 1, inactifsDepuis: monthsAgo(now, 12) }),
        at: now.toISOString(),
      },
    ]);
    // Nothing left to purge: no audit row.
    expect(await purgeSuivisMissionsLocales(env, now)).toBe(0);
    const again = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'suivis-mission-locale-purges'",
    ).first<{ n: number }>();
    expect(again!.n).toBe(1);
  });

  it("purges more than one batch in a run", async () => {
    const now = new Date("2027-12-01T03:17:00.000Z");
    const ml = crypto.randomUUID();
    const n = PURGE_BATCH + 20;
    await env.DB.prepare(
      `WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < ?)
       INSERT INTO suivis_mission_locale (effectif_id, mission_locale_id, etat, derniere_activite_at)
       SELECT 'effectif-' || k, ?, 'injoignable', ? FROM i`,
    )
      .bind(n, ml, monthsAgo(now, 18))
      .run();
    expect(await purgeSuivisMissionsLocales(env, now)).toBeGreaterThanOrEqual(n);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM suivis_mission_locale WHERE mission_locale_id = ?")
      .bind(ml)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);
  });
});
