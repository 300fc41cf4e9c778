import { describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs } from "../helpers/accounts";

async function organismeEtSession() {
  const organisme = await createOrganisme();
  const cookie = await loginAs((await createUser({ organismeId: organisme.id })).email);
  return { id: organisme.id, cookie };
}

const PAGED_ROUTES = [
  (id: string) => `/api/organismes/${id}/effectifs?`,
  (id: string) => `/api/organismes/${id}/indicateurs/liste?indicateur=apprenants&`,
];

describe("page and size parameters of the paged lists", () => {
  for (const route of PAGED_ROUTES) {
    for (const bad of ["Infinity", "1e20", "-3", "abc", "0", "2.5", "99999999999"]) {
      it(`${route(":id")}page=${bad} is a French 400`, async () => {
        const { id, cookie } = await organismeEtSession();
        const response = await apiFetch(`${route(id)}page=${encodeURIComponent(bad)}`, { cookie });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error: "Bad Request",
          message: "Numéro de page invalide (nombre entier à partir de 1).",
          field: "page",
        });
      });
    }

    it(`${route(":id")}taille=Infinity is a French 400, a too large taille is clamped`, async () => {
      const { id, cookie } = await organismeEtSession();
      const infinite = await apiFetch(`${route(id)}taille=Infinity`, { cookie });
      expect(infinite.status).toBe(400);
      expect((await infinite.json<{ message: string }>()).message).toBe(
        "Taille de page invalide (nombre entier à partir de 1).",
      );
      const large = await apiFetch(`${route(id)}taille=100000&page=3`, { cookie });
      expect(large.status).toBe(200);
      expect(await large.json()).toMatchObject({ page: 3, taille: 200 });
    });
  }
});

describe("date of the organisme's counters", () => {
  it("refuses a day that does not exist, in French", async () => {
    const { id, cookie } = await organismeEtSession();
    for (const date of ["2024-02-30", "2023-02-29", "2024-13-01", "24-01-01"]) {
      const response = await apiFetch(`/api/organismes/${id}/indicateurs?date=${date}`, { cookie });
      expect(response.status, date).toBe(400);
      expect((await response.json<{ message: string }>()).message).toBe("Date invalide (format attendu : AAAA-MM-JJ).");
    }
    const leapDay = await apiFetch(`/api/organismes/${id}/indicateurs?date=2024-02-29`, { cookie });
    expect(leapDay.status).toBe(200);
    expect(await leapDay.json()).toMatchObject({ date: "2024-02-29", anneeScolaire: "2023-2024" });
  });
});

describe("one date rule on every route taking a date", () => {
  const DATE_ROUTES = [
    (id: string) => `/api/organismes/${id}/indicateurs?`,
    (id: string) => `/api/organismes/${id}/indicateurs/formations?`,
    (id: string) => `/api/organismes/${id}/indicateurs/liste?indicateur=apprenants&`,
    (id: string) => `/api/organismes/${id}/indicateurs/liste?indicateur=apprenants&export=csv&`,
    (id: string) => `/api/organismes/${id}/transmissions?`,
    () => `/api/indicateurs?`,
  ];

  it("answers a French 400 for a day that does not exist, and accepts a leap day", async () => {
    const { id } = await organismeEtSession();
    const admin = await loginAs((await createUser({ isAdmin: true })).email);
    for (const route of DATE_ROUTES) {
      for (const date of ["2024-02-30", "2023-02-29", "2024-13-01", "24-01-01", ""]) {
        const response = await apiFetch(`${route(id)}date=${date}`, { cookie: admin });
        expect(response.status, `${route(":id")}date=${date}`).toBe(400);
        expect(await response.json()).toEqual({
          error: "Bad Request",
          message: "Date invalide (format attendu : AAAA-MM-JJ).",
          field: "date",
        });
      }
      const leapDay = await apiFetch(`${route(id)}date=2024-02-29`, { cookie: admin });
      expect(leapDay.status, route(":id")).toBe(200);
      expect(await leapDay.json()).toMatchObject({ date: "2024-02-29" });
    }
  });
});
