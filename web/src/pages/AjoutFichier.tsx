import "../components/fichier/zod-sans-eval";
import { FilAriane, TABLEAU_DE_BORD } from "../components/FilAriane";
import { A, createAsync } from "@solidjs/router";
import { createMemo, Match, Show, Switch } from "solid-js";
import { telecharger } from "../actions";
import { ErreursFichier } from "../components/fichier/ErreursFichier";
import { ResultatImport } from "../components/fichier/ResultatImport";
import { importerFichier, lireFichierEffectifs, verifierFichier } from "../components/fichier/actions";
import { modeleEffectifs } from "../components/fichier/modele";
import type { ErreurLigne } from "../components/fichier/types";
import { useForm } from "../forms";
import { getOrganisme } from "../queries";
import { useUser } from "../session";
import { MAX_LIGNES_FICHIER } from "../../../worker/domain/fichier-effectifs";
import "../components/fichier/fichier.css";

export default function AjoutFichier() {
  const user = useUser();
  return (
    <div class="fr-container fr-my-4w">
      <FilAriane
        parents={[TABLEAU_DE_BORD, { label: "Mes effectifs", href: "/effectifs" }]}
        page="Ajouter via fichier Excel"
      />
      <h1 class="fr-h3">Ajouter via fichier Excel</h1>
      <Switch fallback={<p>Cette page est réservée aux organismes de formation.</p>}>
        <Match when={user().organismeId}>{(id) => <AjoutFichierOrganisme organismeId={id()} />}</Match>
      </Switch>
    </div>
  );
}

const pluriel = (n: number, singulier: string, plurielForme = `${singulier}s`) =>
  `${n} ${n > 1 ? plurielForme : singulier}`;

/**
 * The file is read in the browser, checked by the server (nothing written), then imported: three actions, the
 * last two tied to the file read last, so that choosing another file starts again from nothing.
 */
function AjoutFichierOrganisme(props: { organismeId: string }) {
  // the template's example row carries the organisme's own UAI and SIRET, so that it imports as it is
  const organisme = createAsync(() => getOrganisme(props.organismeId));
  const modele = useForm(telecharger, ([id]) => id === "modele");
  const lecture = useForm(lireFichierEffectifs);
  const lu = () => lecture.submission.result ?? null;
  const verification = useForm(verifierFichier, ([, fichier]) => fichier === lu());
  const importation = useForm(importerFichier, ([, fichier]) => fichier === lu());
  /** the dry run of the file read, until it is imported */
  const verifie = () => (importation.submission.result ? null : (verification.submission.result ?? null));
  let input: HTMLInputElement | undefined;

  // The lines of the file this dry run checked (its own input), not of the file read last: a second file read while
  // the first one's results are still shown must not pair its lines with them.
  const erreurs = createMemo<ErreurLigne[]>(() => {
    const lignes = verification.submission.input?.[1].lignes ?? [];
    return (verifie()?.items ?? []).flatMap((item, i) =>
      item.validation_errors.map((e) => ({
        ligne: lignes[i]?.ligne ?? i + 2,
        colonne: e.path || "—",
        message: e.message,
      })),
    );
  });

  const lignes = () => pluriel(lu()?.lignes.length ?? 0, "ligne");
  const enCours = () =>
    lecture.pending()
      ? "Lecture du fichier…"
      : verification.pending()
        ? `Vérification de ${lignes()}…`
        : importation.pending()
          ? `Import de ${lignes()}…`
          : null;
  const erreur = () =>
    (modele.error() ?? lecture.error() ?? verification.error() ?? importation.error())?.message ?? null;

  const choisir = async (file: File | undefined) => {
    modele.clear();
    lecture.clear();
    verification.clear();
    importation.clear();
    if (!file) return;
    const fichier = await lecture.submit(file);
    if (fichier) await verification.submit(props.organismeId, fichier);
  };

  const importer = async () => {
    const fichier = lu();
    if (fichier && (await importation.submit(props.organismeId, fichier)) && input) input.value = "";
  };

  return (
    <>
      <p>
        Sans ERP interfacé, transmettez vos effectifs avec un fichier .xlsx ou .csv construit à partir du modèle. Le
        fichier est vérifié avant tout import : chaque erreur est indiquée par ligne et par colonne.
      </p>

      <section class="fr-mb-4w" aria-labelledby="titre-modele">
        <h2 id="titre-modele" class="fr-h5">
          Le modèle
        </h2>
        <p>
          La feuille « Modèle » contient une colonne par champ et une ligne d'exemple ; la feuille « Description des
          données » indique pour chaque champ s'il est obligatoire, sa description, son format et un exemple. Dates au
          format AAAA-MM-JJ ou JJ/MM/AAAA, oui/non au format VRAI/FAUX ou OUI/NON. Sans identifiant (id_erp_apprenant),
          un apprenant est reconnu par son nom, son prénom et sa date de naissance.
        </p>
        <button
          type="button"
          id="bouton-modele"
          class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
          disabled={modele.pending()}
          onClick={() => modele.submit("modele", "xlsx", () => modeleEffectifs(organisme()))}
        >
          {modele.pending() ? "Préparation du modèle…" : "Télécharger le modèle"}
        </button>
      </section>

      <section class="fr-mb-4w" aria-labelledby="titre-fichier">
        <h2 id="titre-fichier" class="fr-h5">
          Votre fichier
        </h2>
        <div class="fr-upload-group">
          <label class="fr-label" for="fichier-effectifs">
            Ajouter un fichier
            <span class="fr-hint-text">
              Formats acceptés : .xlsx ou .csv (séparateur ; ou ,). {MAX_LIGNES_FICHIER} lignes au maximum.
            </span>
          </label>
          <input
            ref={input}
            class="fr-upload"
            type="file"
            id="fichier-effectifs"
            name="fichier-effectifs"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={enCours() !== null}
            onChange={(e) => choisir(e.currentTarget.files?.[0])}
          />
        </div>
      </section>

      <div role="status" aria-live="polite" id="progression" class="fr-mb-2w">
        <Show when={enCours()}>
          {(message) => (
            <p class="fichier-progression">
              <progress aria-label={message()} />
              <span>{message()}</span>
            </p>
          )}
        </Show>
      </div>

      <Show when={erreur()}>
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
          <p>{erreur()}</p>
        </div>
      </Show>

      <Show when={verifie()}>
        {(v) => (
          <section aria-labelledby="titre-verification">
            <h2 id="titre-verification" class="fr-h5">
              Vérification du fichier
            </h2>
            <p id="resume-verification" class="fr-text--lead">
              {pluriel(v().valides, "ligne valide", "lignes valides")} sur {v().total}
              <Show when={v().total > v().valides}>, {pluriel(v().total - v().valides, "ligne")} en erreur</Show>
            </p>
            <Show when={(lu()?.colonnesIgnorees.length ?? 0) > 0}>
              <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
                <p>Colonnes ignorées (inconnues du modèle) : {lu()!.colonnesIgnorees.join(", ")}</p>
              </div>
            </Show>
            <Show when={erreurs().length > 0}>
              <ErreursFichier erreurs={erreurs()} />
              <p>
                Les lignes en erreur ne seront pas importées : corrigez-les dans votre fichier puis déposez-le à
                nouveau.
              </p>
            </Show>
            <button
              type="button"
              id="bouton-importer"
              class="fr-btn"
              disabled={v().valides === 0 || enCours() !== null}
              onClick={importer}
            >
              Importer {pluriel(v().valides, "ligne valide", "lignes valides")}
            </button>
          </section>
        )}
      </Show>

      <Show when={importation.submission.result}>{(r) => <ResultatImport summary={r().summary} />}</Show>

      <p class="fr-mt-4w">
        <A class="fr-link" href="/tableau-de-bord">
          Retour à mon tableau de bord
        </A>
      </p>
    </>
  );
}
