/**
 * The bad requests an ERP endpoint meets: broken JSON, huge fields, lone UTF-16 surrogates, deep nesting, wrong
 * types, bodies that are not an array or hold too many dossiers, bad keys, empty bodies, wrong content types.
 * Each must get a 4xx (or a 200 whose dossiers are refused one by one), never a 5xx.
 */
import type { DossierErp } from "../demo/dossiers";

export interface BadPayload {
  group: string;
  headers: Record<string, string>;
  body: string;
  /** a body of megabytes: sent a few times only */
  heavy: boolean;
}

const HUGE_CHARS = 2_000_000;
/** Nesting of `[` in a 1 MB body. */
const DEPTH = 500_000;
const PLACEHOLDER = "@@remplacé@@";

export function badPayloads(cle: string, dossiers: DossierErp[]): BadPayload[] {
  const json = { Authorization: `Bearer ${cle}`, "Content-Type": "application/json" };
  const [first, second] = dossiers;
  const payload = (group: string, body: string, headers: Record<string, string> = json, heavy = false) => ({
    group,
    headers,
    body,
    heavy,
  });
  /** A valid dossier whose `field` is replaced by raw JSON text, written as is. */
  const withRaw = (field: string, raw: string) =>
    JSON.stringify([{ ...first, [field]: PLACEHOLDER }]).replace(JSON.stringify(PLACEHOLDER), raw);
  const nested = "[".repeat(DEPTH) + "]".repeat(DEPTH);
  const huge = "9".repeat(HUGE_CHARS);
  return [
    ...['[{"nom_apprenant": "A"', "{,}", "nul", "[1,]", "[{'nom_apprenant': 'A'}]", "[}", "\u0000", '["\\x41"]'].map(
      (body) => payload("JSON invalide", body),
    ),
    payload("champ énorme (2 000 000 caractères)", withRaw("id_erp_apprenant", JSON.stringify(huge)), json, true),
    payload("champ énorme (2 000 000 caractères)", withRaw("nom_apprenant", JSON.stringify(huge)), json, true),
    payload("champ énorme (2 000 000 caractères)", withRaw("nir_apprenant", JSON.stringify(huge)), json, true),
    payload("champ énorme (2 000 000 caractères)", withRaw("champ_inconnu", JSON.stringify(huge)), json, true),
    ...['"s1\\ud800"', '"\\udc00"', '"\\udc00\\ud800"', '"a\\ud83d"'].flatMap((raw) => [
      payload("surrogate UTF-16 isolée", withRaw("id_erp_apprenant", raw)),
      payload("surrogate UTF-16 isolée", withRaw("nom_apprenant", raw)),
    ]),
    payload("imbrication profonde (1 Mo)", withRaw("adresse_apprenant", nested), json, true),
    payload("imbrication profonde (1 Mo)", nested, json, true),
    ...[
      [{ ...first, nom_apprenant: 12, date_de_naissance_apprenant: true, annee_formation: "deux" }],
      [{ ...first, id_erp_apprenant: { id: 1 } }],
      [{ ...first, annee_scolaire: ["2025-2026"] }],
      [{ ...first, contrat_date_debut: 20250901 }],
      [1, 2, 3],
      [null],
      [[]],
      ["dossier"],
    ].map((body) => payload("types erronés", JSON.stringify(body))),
    payload("types erronés", withRaw("date_entree_formation", "1e999")),
    ...["{}", '"dossiers"', "42", "null", "true", JSON.stringify({ dossiers: [first] })].map((body) =>
      payload("pas un tableau", body),
    ),
    payload("plus de 2000 dossiers", JSON.stringify(dossiers), json, true),
    ...[
      {} as Record<string, string>,
      { Authorization: "Bearer" },
      { Authorization: "Bearer pas-une-cle" },
      { Authorization: `Bearer ${crypto.randomUUID()}` },
      { Authorization: `Basic ${btoa(`erp:${cle}`)}` },
    ].map((auth) =>
      payload("clé absente ou invalide", JSON.stringify([first]), { "Content-Type": "application/json", ...auth }),
    ),
    payload("en-tête X-API-KEY seul", JSON.stringify([first]), {
      "X-API-KEY": cle,
      "Content-Type": "application/json",
    }),
    payload("corps vide", ""),
    payload("corps vide", "", { Authorization: json.Authorization }),
    ...[
      ["text/plain", JSON.stringify([first, second])],
      ["application/x-www-form-urlencoded", `dossiers=${encodeURIComponent(JSON.stringify([first]))}`],
      ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="f"\r\n\r\n[]\r\n--x--\r\n`],
      ["application/xml", "<dossiers><dossier/></dossiers>"],
      ["application/json; charset=latin1", JSON.stringify([second])],
    ].map(([type, body]) =>
      payload("type de contenu erroné", body, { Authorization: json.Authorization, "Content-Type": type }),
    ),
  ];
}
