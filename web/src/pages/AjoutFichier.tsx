import "../components/fichier/zod-sans-eval";
import { A } from "@solidjs/router";
import { createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api";
import { RequireUser } from "../components/RequireUser";
import { ErreursFichier } from "../components/fichier/ErreursFichier";
import { ResultatImport } from "../components/fichier/ResultatImport";
import { lireFichier } from "../components/fichier/lecture";
import { telechargerModele } from "../components/fichier/modele";
import type { ErreurLigne, ResultatImport as Resultat, Verification } from "../components/fichier/types";
import { MAX_LIGNES_FICHIER, type LectureFichier } from "../../../worker/domain/fichier-effectifs";
import "../components/fichier/fichier.css";

export default function AjoutFichier() {
  return (
    <div class="fr-container fr-my-4w">
      <h1 class="fr-h3">Ajouter via fichier Excel</h1>
      <RequireUser>
        {(user) => (
          <Switch fallback={<p>Cette page est réservée aux organismes de formation.</p>}>
            <Match when={user.organismeId}>{(id) => <AjoutFichierOrganisme organismeId={id()} />}</Match>
          </Switch>
        )}
      </RequireUser>
    </div>
  );
}

const pluriel = (n: number, singulier: string, plurielForme = `${singulier}s`) =>
  `${n} ${n > 1 ? plurielForme : singulier}`;

function AjoutFichierOrganisme(props: { organismeId: string }) {
  const [lecture, setLecture] = createSignal<LectureFichier | null>(null);
  const [verification, setVerification] = createSignal<Verification | null>(null);
  const [resultat, setResultat] = createSignal<Resultat | null>(null);
  const [enCours, setEnCours] = createSignal<string | null>(null);
  const [erreur, setErreur] = createSignal<string | null>(null);
  const [modeleEnCours, setModeleEnCours] = createSignal(false);
  let input: HTMLInputElement | undefined;

  const dossiers = () => lecture()?.lignes.map((l) => l.dossier) ?? [];

  const erreurs = createMemo<ErreurLigne[]>(() => {
    const lignes = lecture()?.lignes ?? [];
    return (verification()?.items ?? []).flatMap((item, i) =>
      item.validation_errors.map((e) => ({ ligne: lignes[i].ligne, colonne: e.path || "—", message: e.message })),
    );
  });

  const telecharger = async () => {
    setModeleEnCours(true);
    setErreur(null);
    try {
      await telechargerModele();
    } catch (e) {
      setErreur(errorMessage(e));
    } finally {
      setModeleEnCours(false);
    }
  };

  const choisir = async (file: File | undefined) => {
    setLecture(null);
    setVerification(null);
    setResultat(null);
    setErreur(null);
    if (!file) return;
    try {
      setEnCours("Lecture du fichier…");
      const lu = await lireFichier(file);
      if (lu.lignes.length === 0)
        throw new Error("Le fichier ne contient aucune ligne de données sous la ligne des noms de colonnes.");
      if (lu.lignes.length > MAX_LIGNES_FICHIER) {
        throw new Error(
          `Le fichier contient ${lu.lignes.length} lignes : ${MAX_LIGNES_FICHIER} lignes au maximum. Découpez-le en plusieurs fichiers.`,
        );
      }
      setEnCours(`Vérification de ${pluriel(lu.lignes.length, "ligne")}…`);
      const verifie = await api<Verification>(`/api/organismes/${props.organismeId}/fichier/verification`, {
        body: { dossiers: lu.lignes.map((l) => l.dossier) },
      });
      setLecture(lu);
      setVerification(verifie);
    } catch (e) {
      setErreur(errorMessage(e));
    } finally {
      setEnCours(null);
    }
  };

  const importer = async () => {
    setErreur(null);
    setEnCours(`Import de ${pluriel(dossiers().length, "ligne")}…`);
    try {
      setResultat(
        await api<Resultat>(`/api/organismes/${props.organismeId}/fichier/import`, { body: { dossiers: dossiers() } }),
      );
      setVerification(null);
      setLecture(null);
      if (input) input.value = "";
    } catch (e) {
      setErreur(errorMessage(e));
    } finally {
      setEnCours(null);
    }
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
          disabled={modeleEnCours()}
          onClick={telecharger}
        >
          {modeleEnCours() ? "Préparation du modèle…" : "Télécharger le modèle"}
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

      <Show when={verification()}>
        {(v) => (
          <section aria-labelledby="titre-verification">
            <h2 id="titre-verification" class="fr-h5">
              Vérification du fichier
            </h2>
            <p id="resume-verification" class="fr-text--lead">
              {pluriel(v().valides, "ligne valide", "lignes valides")} sur {v().total}
              <Show when={v().total > v().valides}>, {pluriel(v().total - v().valides, "ligne")} en erreur</Show>
            </p>
            <Show when={(lecture()?.colonnesIgnorees.length ?? 0) > 0}>
              <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
                <p>Colonnes ignorées (inconnues du modèle) : {lecture()!.colonnesIgnorees.join(", ")}</p>
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

      <Show when={resultat()}>{(r) => <ResultatImport summary={r().summary} />}</Show>

      <p class="fr-mt-4w">
        <A class="fr-link" href="/tableau-de-bord">
          Retour à mon tableau de bord
        </A>
      </p>
    </>
  );
}
