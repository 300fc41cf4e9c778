import { describe, expect, it } from "vitest";
import { libelleChamp } from "../../worker/domain/libelles-champs";

describe("libelleChamp", () => {
  it("names a dossier's fields in French, contracts with their rank", () => {
    expect(libelleChamp("date_de_naissance_apprenant")).toBe("Date de naissance");
    expect(libelleChamp("contrat_date_fin")).toBe("Fin du contrat");
    expect(libelleChamp("contrat_date_fin_2")).toBe("Fin du contrat 2");
    expect(libelleChamp("siret_employeur_4")).toBe("SIRET de l'employeur 4");
    expect(libelleChamp("")).toBe("Dossier");
    expect(libelleChamp("champ_inconnu")).toBe("champ_inconnu");
  });
});
