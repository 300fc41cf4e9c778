export const SUPPORT_EMAIL = "tableau-de-bord@apprentissage.beta.gouv.fr";

/** After "Je ne confirme pas": the key is revoked, the procedure starts again, and the support is offered. */
export function RefusalNotice() {
  return (
    <div class="fr-alert fr-alert--warning fr-mb-4w" role="status">
      <h2 class="fr-alert__title">Vous n'avez pas confirmé l'UAI et le SIRET de votre établissement</h2>
      <p>
        La clé d'échange a été révoquée et les effectifs reçus avec elle ont été écartés. Vérifiez le paramétrage de
        votre ERP puis recommencez la procédure. Besoin d'aide ? Une seule adresse :{" "}
        <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>
      </p>
    </div>
  );
}
