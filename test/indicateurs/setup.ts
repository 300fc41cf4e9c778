/** Generated dossiers pushed through the real ERP API for a responsable and its formateur, plus noise elsewhere. */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { generateDossiers, type DossierErp } from "../../tools/demo/dossiers";
import { createOrganisme, createUser, loginAs, type OrganismeFixture } from "../helpers/accounts";
import { organismeAvecCle, push } from "../ingestion/helpers";

const couple = (o: OrganismeFixture) => ({ uai: o.uai!, siret: o.siret });

export interface Jeu {
  responsable: OrganismeFixture;
  formateur: OrganismeFixture;
  cookie: string;
  /** every dossier pushed by the responsable's ERP, in order */
  pushed: DossierErp[];
  /** one entry per push of the responsable's ERP */
  pushes: { total: number; invalid: number }[];
}

export async function pushJeu(): Promise<Jeu> {
  const responsable = await createOrganisme({ nature: "responsable", raisonSociale: "CFA RESPONSABLE" });
  const formateur = await createOrganisme({ nature: "formateur", raisonSociale: "CFA FORMATEUR" });
  await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
    .bind(responsable.id, formateur.id)
    .run();
  const { key } = await organismeAvecCle({ organisme: responsable });
  const cookie = await loginAs((await createUser({ organismeId: responsable.id })).email);

  const lots = [
    generateDossiers({
      count: 250,
      seed: 11,
      anneeScolaire: "2023-2024",
      formateur: couple(formateur),
      responsable: couple(responsable),
      invalidRatio: 0.12,
    }),
    generateDossiers({
      count: 150,
      seed: 12,
      anneeScolaire: "2023-2024",
      formateur: couple(responsable),
      responsable: couple(responsable),
    }),
    generateDossiers({
      count: 100,
      seed: 13,
      anneeScolaire: "2024-2025",
      formateur: couple(formateur),
      responsable: couple(responsable),
    }),
    // A calendar school year ("Y-Y"), counted at dates of that year.
    generateDossiers({
      count: 40,
      seed: 14,
      anneeScolaire: "2024-2024",
      formateur: couple(responsable),
      responsable: couple(responsable),
    }),
  ];
  const pushes: Jeu["pushes"] = [];
  for (const lot of lots) {
    const response = await push(key, lot);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { outcome: string }[] };
    pushes.push({ total: body.data.length, invalid: body.data.filter((d) => d.outcome === "invalid").length });
  }

  // Another organisme's learners, never counted for ours.
  const autre = await createOrganisme();
  const cleAutre = await organismeAvecCle({ organisme: autre });
  const bruit = generateDossiers({
    count: 60,
    seed: 15,
    anneeScolaire: "2023-2024",
    formateur: couple(autre),
    responsable: couple(autre),
  });
  expect((await push(cleAutre.key, bruit)).status).toBe(200);

  return { responsable, formateur, cookie, pushed: lots.flat(), pushes };
}

export const todayParis = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
