import { beforeAll, describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";
import { generateDossiers } from "../../tools/demo/dossiers";
import { pushJeu, todayParis, type Jeu } from "./setup";

interface Jour {
  date: string;
  transmissions: number;
  recus: number;
  valides: number;
  invalides: number;
  enAttente: number;
}
interface Resume {
  id: string;
  receivedAt: string;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  held: number;
  invalid: number;
}
interface Detail {
  transmission: Resume;
  dossiersInvalides: {
    nom: string | null;
    prenom: string | null;
    formation: string | null;
    idErpApprenant: string | null;
    erreurs: { path: string; message: string }[];
  }[];
}

let jeu: Jeu;
beforeAll(async () => {
  jeu = await pushJeu();
});

async function get<T>(path: string, organismeId = jeu.responsable.id, cookie = jeu.cookie): Promise<T> {
  const response = await apiFetch(`/api/organismes/${organismeId}${path}`, { cookie });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe("Transmissions", () => {
  it("sums the pushes of each day: received, valid, invalid, held, count", async () => {
    const { jours, parJour } = await get<{ jours: number; parJour: Jour[] }>("/transmissions");
    expect(jours).toBe(30);
    const recus = jeu.pushes.reduce((n, p) => n + p.total, 0);
    const invalides = jeu.pushes.reduce((n, p) => n + p.invalid, 0);
    expect(invalides).toBeGreaterThan(10);
    // The other organisme's push is not ours.
    expect(parJour).toEqual([
      { date: todayParis(), transmissions: 4, recus, valides: recus - invalides, invalides, enAttente: 0 },
    ]);
  });

  it("lists the pushes of a day, latest first, and gives the errors of one push", async () => {
    const { transmissions } = await get<{ transmissions: Resume[] }>(`/transmissions?date=${todayParis()}`);
    expect(transmissions.map((t) => t.total)).toEqual(jeu.pushes.map((p) => p.total).reverse());
    const avecErreurs = transmissions.at(-1)!;
    expect(avecErreurs.invalid).toBe(jeu.pushes[0].invalid);

    const detail = await get<Detail>(`/transmissions/${avecErreurs.id}`);
    expect(detail.transmission.id).toBe(avecErreurs.id);
    expect(detail.dossiersInvalides).toHaveLength(avecErreurs.invalid);
    for (const d of detail.dossiersInvalides) expect(d.erreurs.length).toBeGreaterThan(0);
    expect(detail.dossiersInvalides.flatMap((d) => d.erreurs.map((e) => e.path))).toContain(
      "etablissement_formateur_uai",
    );

    const sansErreur = await get<Detail>(`/transmissions/${transmissions[0].id}`);
    expect(sansErreur.dossiersInvalides).toEqual([]);
    expect((await get<{ transmissions: Resume[] }>("/transmissions?date=2020-01-01")).transmissions).toEqual([]);
  });

  it("moves a dossier's errors to the push that sent it again", async () => {
    const { organisme, key } = await organismeAvecCle();
    const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
    const lot = [
      dossier(organisme, { id_erp_apprenant: "X1", date_entree_formation: "pas une date" }),
      dossier(organisme, { id_erp_apprenant: "X2" }),
    ];
    await push(key, lot);
    await push(key, lot);
    const { transmissions } = await get<{ transmissions: Resume[] }>(
      `/transmissions?date=${todayParis()}`,
      organisme.id,
      cookie,
    );
    expect(transmissions.map((t) => [t.created, t.unchanged, t.invalid])).toEqual([
      [0, 1, 1],
      [1, 0, 1],
    ]);
    const [derniere, premiere] = await Promise.all(
      transmissions.map((t) => get<Detail>(`/transmissions/${t.id}`, organisme.id, cookie)),
    );
    expect(derniere.dossiersInvalides).toMatchObject([
      { nom: "MARTIN", prenom: "Léa", formation: "CAP PATISSIER", idErpApprenant: "X1" },
    ]);
    expect(derniere.dossiersInvalides[0].erreurs).toContainEqual({
      path: "date_entree_formation",
      message: "Date invalide",
    });
    expect(premiere.dossiersInvalides).toEqual([]);
    const { parJour } = await get<{ parJour: Jour[] }>("/transmissions?jours=7", organisme.id, cookie);
    expect(parJour).toEqual([
      { date: todayParis(), transmissions: 2, recus: 4, valides: 2, invalides: 2, enAttente: 0 },
    ]);
  });

  it("counts held dossiers while the connection waits for its confirmation", async () => {
    const { organisme, key } = await organismeAvecCle({ confirmed: false });
    const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
    const couple = { uai: organisme.uai!, siret: organisme.siret };
    await push(
      key,
      generateDossiers({ count: 20, seed: 21, anneeScolaire: "2024-2025", formateur: couple, responsable: couple }),
    );
    const { parJour } = await get<{ parJour: Jour[] }>("/transmissions", organisme.id, cookie);
    expect(parJour).toEqual([
      { date: todayParis(), transmissions: 1, recus: 20, valides: 0, invalides: 0, enAttente: 20 },
    ]);
  });

  it("hides another organisme's pushes", async () => {
    const { transmissions } = await get<{ transmissions: Resume[] }>(`/transmissions?date=${todayParis()}`);
    const other = await createOrganisme();
    const otherCookie = await loginAs((await createUser({ organismeId: other.id })).email);
    expect(
      (
        await apiFetch(`/api/organismes/${jeu.responsable.id}/transmissions/${transmissions[0].id}`, {
          cookie: otherCookie,
        })
      ).status,
    ).toBe(403);
    const response = await apiFetch(`/api/organismes/${other.id}/transmissions/${transmissions[0].id}`, {
      cookie: otherCookie,
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toBe("Transmission introuvable.");
    expect(
      (
        await apiFetch(`/api/organismes/${jeu.responsable.id}/transmissions?date=${todayParis()}`, {
          cookie: otherCookie,
        })
      ).status,
    ).toBe(403);
  });
});
