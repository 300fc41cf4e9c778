import { A, useAction, useNavigate } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { SUPPORT_EMAIL } from "../components/Footer";
import { deconnexion, verifierCompte } from "../actions";
import { useForm } from "../forms";
import { useSession } from "../session";

/** Where a signed-up user waits until a colleague or an administrator validates the account. */
export default function EnAttente() {
  const navigate = useNavigate();
  const currentUser = useSession();
  const logoutAction = useAction(deconnexion);
  const verification = useForm(verifierCompte);
  const logout = async () => {
    await logoutAction();
    navigate("/");
  };
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <Switch fallback={<p>Chargement…</p>}>
            <Match when={currentUser() === null}>
              <h1>Votre compte est en attente de validation</h1>
              <p>Connectez-vous pour voir où en est votre demande.</p>
              <A class="fr-btn" href="/connexion">
                Se connecter
              </A>
            </Match>
            <Match when={currentUser()?.status === "active"}>
              <h1>Votre compte est validé</h1>
              <p>Vous avez maintenant accès à votre espace.</p>
              <A class="fr-btn" href="/tableau-de-bord">
                Mon tableau de bord
              </A>
            </Match>
            <Match when={currentUser()}>
              {(user) => (
                <>
                  <h1>Votre compte est en attente de validation</h1>
                  <div class="fr-alert fr-alert--info fr-mb-4w">
                    <h2 class="fr-alert__title">Votre demande a bien été enregistrée</h2>
                    <p>
                      Vous avez demandé un accès pour <strong>{user().organisationLabel}</strong>.
                    </p>
                  </div>
                  <h2 class="fr-h5">Et maintenant ?</h2>
                  <ol>
                    <li>
                      Un membre de votre organisation déjà inscrit sur le Tableau de bord — ou, s'il n'y en a pas
                      encore, un administrateur du service — a été prévenu par e-mail et doit confirmer que vous en
                      faites partie.
                    </li>
                    <li>
                      Dès que votre compte est validé, vous recevez un e-mail à l'adresse{" "}
                      <strong>{user().email}</strong>.
                    </li>
                    <li>
                      Vous pourrez alors accéder à votre tableau de bord, à vos effectifs et au paramétrage de votre
                      transmission.
                    </li>
                  </ol>
                  <p>
                    D'ici là, vos données restent protégées : aucune information n'est visible avec un compte en attente
                    de validation.
                  </p>
                  <ul class="fr-btns-group fr-btns-group--inline-md">
                    <li>
                      <button
                        type="button"
                        class="fr-btn fr-btn--secondary"
                        onClick={() => verification.submit()}
                        disabled={verification.pending()}
                      >
                        Vérifier si mon compte est validé
                      </button>
                    </li>
                    <li>
                      <button type="button" class="fr-btn fr-btn--tertiary" onClick={logout}>
                        Se déconnecter
                      </button>
                    </li>
                  </ul>
                  <p class="fr-text--sm">
                    Votre demande tarde ou vous pensez avoir choisi la mauvaise organisation ? Écrivez-nous à{" "}
                    <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>.
                  </p>
                </>
              )}
            </Match>
          </Switch>
        </div>
      </div>
    </div>
  );
}
