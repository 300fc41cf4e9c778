import { useSearchParams } from "@solidjs/router";
import { FilAriane, TABLEAU_DE_BORD } from "../components/FilAriane";
import { Show } from "solid-js";
import { messageErreurLienErp } from "../../../worker/domain/erreurs-lien-erp";
import { TransmissionSettings } from "../components/transmission/TransmissionSettings";
import { useUser } from "../session";
import { organismeDesParametres } from "./parametres-organisme";

/** Paramètres → "Paramétrage de votre moyen de transmission" (SPEC §4). Admins may pass `?organisme=<id>`. */
export default function Parametres() {
  const [params] = useSearchParams<{ organisme?: string; erreur?: string }>();
  const user = useUser();
  const organismeId = () => organismeDesParametres(user(), params.organisme);
  return (
    <div class="fr-container fr-my-4w">
      <FilAriane parents={[TABLEAU_DE_BORD]} page="Paramètres" />
      <h1 class="fr-h2">Paramétrage de votre moyen de transmission</h1>
      <Show
        when={organismeId()}
        keyed
        fallback={
          <div class="fr-alert fr-alert--info">
            <p>Le paramétrage de la transmission concerne les comptes des organismes de formation.</p>
          </div>
        }
      >
        {(id) => <TransmissionSettings organismeId={id} initialError={messageErreurLienErp(params.erreur)} />}
      </Show>
    </div>
  );
}
