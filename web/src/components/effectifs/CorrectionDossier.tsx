import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { ApiClientError } from "../../api";
import { corrigerDossier, supprimerDossier } from "../../actions-effectifs";
import { useForm } from "../../forms";
import { BoutonAvecConfirmation } from "../ConfirmationModale";
import { Field, FormError } from "../comptes/Field";
import { ERP_SOURCE_DU_DOSSIER, MOTIF_MAX } from "../../../../worker/domain/correction-dossier";
import type { EffectifDetail } from "../../../../worker/domain/effectifs-liste";
import { libelleChamp } from "../../../../worker/domain/libelles-champs";

/** The fields a correction by hand offers (the others are kept as they are). */
const CHAMPS: { key: string; label: string; type?: string; hint?: string; requis?: boolean }[] = [
  { key: "nom_apprenant", label: "Nom", requis: true },
  { key: "prenom_apprenant", label: "Prénom", requis: true },
  { key: "date_de_naissance_apprenant", label: "Date de naissance", type: "date", requis: true },
  { key: "sexe_apprenant", label: "Sexe", hint: "M ou F" },
  { key: "libelle_court_formation", label: "Formation" },
  { key: "formation_cfd", label: "Code diplôme (CFD)" },
  { key: "formation_rncp", label: "RNCP", hint: "Exemple : RNCP34825" },
  { key: "date_inscription_formation", label: "Inscription en formation", type: "date", requis: true },
  { key: "date_entree_formation", label: "Entrée en formation", type: "date", requis: true },
  { key: "date_fin_formation", label: "Fin de formation", type: "date", requis: true },
  { key: "contrat_date_debut", label: "Début du contrat", type: "date" },
  { key: "contrat_date_fin", label: "Fin du contrat", type: "date" },
  { key: "contrat_date_rupture", label: "Rupture du contrat", type: "date" },
  { key: "siret_employeur", label: "SIRET de l'employeur", hint: "14 chiffres" },
];

const valeur = (v: unknown) => (v === undefined || v === null ? "" : String(v));

const erreursDe = (error: unknown): { path: string; message: string }[] =>
  error instanceof ApiClientError
    ? (((error.body as { erreurs?: { path: string; message: string }[] } | null)?.erreurs ?? []) as {
        path: string;
        message: string;
      }[])
    : [];

/**
 * Correcting or deleting a dossier, in its detail: for a dossier sent by file (or an organisme that transmits by
 * hand), the same validation as the API, errors under their fields; an ERP-fed dossier is read-only and says why.
 */
export function CorrectionDossier(props: { organismeId: string; effectif: EffectifDetail; onDeleted: () => void }) {
  const [edition, setEdition] = createSignal(false);
  const [motif, setMotif] = createSignal("");
  const [champs, setChamps] = createStore<Record<string, string>>({});
  const correction = useForm(
    corrigerDossier,
    ([organismeId, id]) => organismeId === props.organismeId && id === props.effectif.id,
  );
  const suppression = useForm(
    supprimerDossier,
    ([organismeId, id]) => organismeId === props.organismeId && id === props.effectif.id,
  );
  const ouvrir = () => {
    const dossier = props.effectif.dossier as Record<string, unknown>;
    setChamps(Object.fromEntries(CHAMPS.map((c) => [c.key, valeur(dossier[c.key])])));
    correction.clear();
    setEdition(true);
    queueMicrotask(() => document.getElementById("correction-nom_apprenant")?.focus());
  };
  const erreurs = () => erreursDe(correction.submission.error);
  const erreurDe = (key: string) =>
    erreurs()
      .filter((e) => e.path === key)
      .map((e) => e.message)
      .join(" ; ") || null;
  const autresErreurs = () => erreurs().filter((e) => !CHAMPS.some((c) => c.key === e.path));

  const enregistrer = async (event: SubmitEvent) => {
    event.preventDefault();
    const { has_nir: _hasNir, ...stored } = props.effectif.dossier as Record<string, unknown>;
    void _hasNir;
    const dossier: Record<string, unknown> = { ...stored };
    for (const c of CHAMPS) {
      const v = champs[c.key]?.trim() ?? "";
      if (v === "") delete dossier[c.key];
      else dossier[c.key] = v;
    }
    const result = await correction.submit(props.organismeId, props.effectif.id, dossier);
    if (result) {
      setEdition(false);
      queueMicrotask(() => document.getElementById("corriger-dossier")?.focus());
    }
  };

  return (
    <Show
      when={props.effectif.modifiable}
      fallback={
        <div class="fr-notice fr-notice--info fr-mb-2w" id="dossier-erp">
          <div class="fr-container">
            <div class="fr-notice__body">
              <p class="fr-notice__title">{ERP_SOURCE_DU_DOSSIER}</p>
            </div>
          </div>
        </div>
      }
    >
      <FormError message={suppression.error()?.message ?? null} />
      <Show
        when={edition()}
        fallback={
          <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-2w">
            <li>
              <button
                type="button"
                class="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left"
                id="corriger-dossier"
                onClick={ouvrir}
              >
                Corriger le dossier
              </button>
            </li>
            <li>
              <BoutonAvecConfirmation
                id="supprimer-dossier"
                class="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left"
                label="Supprimer le dossier"
                titre="Supprimer ce dossier ?"
                confirmer="Supprimer le dossier"
                disabled={suppression.pending()}
                onConfirm={() =>
                  void suppression.submit(props.organismeId, props.effectif.id, motif()).then((result) => {
                    if (result) props.onDeleted();
                  })
                }
              >
                <p>
                  Le dossier {props.effectif.idErpApprenant} sera supprimé de vos effectifs et de vos indicateurs. Ses
                  données restent consignées, avec le motif, dans le journal de votre organisme.
                </p>
                <div class="fr-input-group">
                  <label class="fr-label" for="motif-suppression">
                    Motif de la suppression
                    <span class="fr-hint-text">Obligatoire, {MOTIF_MAX} caractères au plus</span>
                  </label>
                  <textarea
                    class="fr-input"
                    id="motif-suppression"
                    maxLength={MOTIF_MAX}
                    value={motif()}
                    onInput={(e) => setMotif(e.currentTarget.value)}
                  />
                </div>
              </BoutonAvecConfirmation>
            </li>
          </ul>
        }
      >
        <form class="fr-mb-3w" onSubmit={enregistrer} novalidate aria-labelledby="correction-titre">
          <h3 class="fr-h6" id="correction-titre">
            Corriger le dossier
          </h3>
          <p class="fr-text--sm">
            La correction est vérifiée comme une transmission : le dossier n'est enregistré que s'il est valide.
          </p>
          <FormError message={correction.error()?.message ?? null} />
          <Show when={autresErreurs().length}>
            <ul class="fr-error-text">
              <For each={autresErreurs()}>
                {(e) => (
                  <li>
                    {libelleChamp(e.path)} : {e.message}
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <div class="fr-grid-row fr-grid-row--gutters">
            <For each={CHAMPS}>
              {(c) => (
                <div class="fr-col-12 fr-col-md-6">
                  <Field
                    id={`correction-${c.key}`}
                    label={c.label}
                    hint={c.hint}
                    type={c.type}
                    required={c.requis ?? false}
                    value={champs[c.key] ?? ""}
                    onInput={(v) => setChamps(c.key, v)}
                    error={erreurDe(c.key)}
                  />
                </div>
              )}
            </For>
          </div>
          <ul class="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
            <li>
              <button type="submit" class="fr-btn" disabled={correction.pending()}>
                Enregistrer la correction
              </button>
            </li>
            <li>
              <button type="button" class="fr-btn fr-btn--secondary" onClick={() => setEdition(false)}>
                Annuler
              </button>
            </li>
          </ul>
        </form>
      </Show>
    </Show>
  );
}
