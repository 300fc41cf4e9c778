export function Footer() {
  return (
    <footer class="fr-footer" role="contentinfo">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title="Retour à l'accueil">
              <p class="fr-logo">
                République
                <br />
                Française
              </p>
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">
              Mission interministérielle pour l'apprentissage — une question, une erreur dans les données ? Écrivez-nous
              à <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

export const SUPPORT_EMAIL = "tableau-de-bord@apprentissage.beta.gouv.fr";
