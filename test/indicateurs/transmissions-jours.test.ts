import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createOrganisme } from "../helpers/accounts";
import { database } from "../../worker/data/db";
import { transmissionsDuJour, transmissionsParJour } from "../../worker/data/transmissions";

async function transmission(
  organismeId: string,
  receivedAt: string,
  counts: { total: number; invalid?: number; held?: number },
) {
  const invalid = counts.invalid ?? 0;
  const held = counts.held ?? 0;
  await env.DB.prepare(
    `INSERT INTO transmissions (id, organisme_id, source, received_at, total, created, updated, unchanged, held, invalid)
     VALUES (?, ?, 'erp', ?, ?, ?, 0, 0, ?, ?)`,
  )
    .bind(crypto.randomUUID(), organismeId, receivedAt, counts.total, counts.total - invalid - held, held, invalid)
    .run();
}

describe("days of the transmissions history are Paris days", () => {
  it("folds pushes around midnight and the change to summer time into the right day, and starts at the first day", async () => {
    const organisme = await createOrganisme();
    const formateur = await createOrganisme();
    // 22:59 UTC on 29 March 2024 is 23:59 in Paris (winter time): the day before the window.
    await transmission(organisme.id, "2024-03-29T22:59:00.000Z", { total: 100 });
    // 23:30 in Paris on the 30th, then 00:30 on the 31st (summer time starts at 01:00 UTC that night).
    await transmission(organisme.id, "2024-03-30T22:30:00.000Z", { total: 10, invalid: 2 });
    await transmission(organisme.id, "2024-03-30T23:30:00.000Z", { total: 5, held: 5 });
    // Summer time: 21:59 UTC is 23:59 in Paris, 22:00 UTC is midnight the next day.
    await transmission(organisme.id, "2024-07-10T21:59:00.000Z", { total: 7 });
    await transmission(formateur.id, "2024-07-10T22:00:00.000Z", { total: 3, invalid: 1 });
    await transmission((await createOrganisme()).id, "2024-07-10T12:00:00.000Z", { total: 1000 });

    const now = new Date("2024-07-11T10:00:00.000Z");
    const jours = await transmissionsParJour(database(env.DB), [organisme.id, formateur.id], 104, now);
    expect(jours).toEqual([
      { date: "2024-07-11", transmissions: 1, recus: 3, valides: 2, invalides: 1, enAttente: 0 },
      { date: "2024-07-10", transmissions: 1, recus: 7, valides: 7, invalides: 0, enAttente: 0 },
      { date: "2024-03-31", transmissions: 1, recus: 5, valides: 0, invalides: 0, enAttente: 5 },
      { date: "2024-03-30", transmissions: 1, recus: 10, valides: 8, invalides: 2, enAttente: 0 },
    ]);
    expect(
      (await transmissionsParJour(database(env.DB), [organisme.id, formateur.id], 1, now)).map((j) => j.date),
    ).toEqual(["2024-07-11"]);

    expect(
      (await transmissionsDuJour(database(env.DB), [organisme.id], "2024-03-31")).map((t) => t.receivedAt),
    ).toEqual(["2024-03-30T23:30:00.000Z"]);
    expect((await transmissionsDuJour(database(env.DB), [organisme.id], "2024-03-29")).map((t) => t.total)).toEqual([
      100,
    ]);
    expect(
      (await transmissionsDuJour(database(env.DB), [organisme.id, formateur.id], "2024-07-10")).map((t) => t.total),
    ).toEqual([7]);
  });
});
