import { A } from "@solidjs/router";
import { For } from "solid-js";

/** The State's sites every DSFR footer links to (opened in a new window, as DSFR says). */
const SITES_PUBLICS = ["info.gouv.fr", "service-public.fr", "legifrance.gouv.fr", "data.gouv.fr"];

/** The mandatory links of a public service's footer. */
const LIENS_OBLIGATOIRES = [
  { label: "Accessibilité : non conforme", href: "/accessibilite" },
  { label: "Mentions légales", href: "/mentions-legales" },
  { label: "Données personnelles", href: "/donnees-personnelles" },
  { label: "Gestion des cookies", href: "/gestion-des-cookies" },
];

export function Footer() {
  return (
    <footer class="fr-footer" role="contentinfo" id="pied-de-page">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title="Retour à l'accueil du site - Tableau de bord de l'apprentissage - République Française">
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
            <ul class="fr-footer__content-list">
              <For each={SITES_PUBLICS}>
                {(site) => (
                  <li class="fr-footer__content-item">
                    <a
                      class="fr-footer__content-link"
                      target="_blank"
                      rel="noopener"
                      title={`${site} - nouvelle fenêtre`}
                      href={`https://www.${site}`}
                    >
                      {site}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            <For each={LIENS_OBLIGATOIRES}>
              {(lien) => (
                <li class="fr-footer__bottom-item">
                  <A class="fr-footer__bottom-link" href={lien.href}>
                    {lien.label}
                  </A>
                </li>
              )}
            </For>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>
              Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont
              proposés sous{" "}
              <a
                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                target="_blank"
                rel="noopener"
                title="licence etalab-2.0 - nouvelle fenêtre"
              >
                licence etalab-2.0
              </a>
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

export const SUPPORT_EMAIL = "tableau-de-bord@apprentissage.beta.gouv.fr";
