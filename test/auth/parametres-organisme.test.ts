import { describe, expect, it } from "vitest";
import { organismeDesParametres } from "../../web/src/pages/parametres-organisme";

const user = (isAdmin: boolean, organisationType: string, organismeId: string | null) => ({
  isAdmin,
  organisationType,
  organismeId,
});

describe("organisme of the Paramètres page", () => {
  it("lets an administrator, flagged or by organisation, open the organisme of ?organisme=", () => {
    expect(organismeDesParametres(user(true, "ADMINISTRATEUR", null), "org-1")).toBe("org-1");
    expect(organismeDesParametres(user(false, "ADMINISTRATEUR", null), "org-1")).toBe("org-1");
    expect(organismeDesParametres(user(false, "ADMINISTRATEUR", null), undefined)).toBeNull();
  });

  it("keeps other users on their own organisme", () => {
    expect(organismeDesParametres(user(false, "ORGANISME_FORMATION", "le-mien"), "org-1")).toBe("le-mien");
    expect(organismeDesParametres(user(false, "RESEAU", null), "org-1")).toBeNull();
  });
});
