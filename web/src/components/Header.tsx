import { A, useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { api } from "../api";
import { currentUser, setCurrentUser } from "../session";

/** The DSFR header: Marianne block, service name, account links, and the OFA navigation once logged in. */
export function Header() {
  const navigate = useNavigate();
  const logout = async () => {
    await api("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    setCurrentUser(null);
    navigate("/");
  };
  const active = () => currentUser()?.status === "active";
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo">
                    République
                    <br />
                    Française
                    <span class="fr-sr-only"> Liberté Égalité Fraternité</span>
                  </p>
                </div>
              </div>
              <div class="fr-header__service">
                <A href="/" title="Accueil — Tableau de bord de l'apprentissage">
                  <p class="fr-header__service-title">
                    Tableau de bord de l'apprentissage <span class="fr-badge fr-badge--sm fr-badge--green-emeraude">BETA</span>
                  </p>
                </A>
                <p class="fr-header__service-tagline">Mission interministérielle pour l'apprentissage</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">
                <ul class="fr-btns-group">
                  <Show
                    when={currentUser()}
                    fallback={
                      <>
                        <li>
                          <A class="fr-btn fr-icon-add-circle-line" href="/inscription">
                            S'inscrire
                          </A>
                        </li>
                        <li>
                          <A class="fr-btn fr-icon-lock-line" href="/connexion">
                            Se connecter
                          </A>
                        </li>
                      </>
                    }
                  >
                    {(user) => (
                      <>
                        <li>
                          <span class="fr-btn fr-icon-account-circle-line">
                            {user().prenom} {user().nom}
                          </span>
                        </li>
                        <li>
                          <button type="button" class="fr-btn fr-icon-logout-box-r-line" onClick={logout}>
                            Se déconnecter
                          </button>
                        </li>
                      </>
                    )}
                  </Show>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-container">
        <nav class="fr-nav" role="navigation" aria-label="Menu principal">
          <ul class="fr-nav__list">
            <Show
              when={active()}
              fallback={
                <>
                  <li class="fr-nav__item">
                    <A class="fr-nav__link" href="/" end>
                      Accueil
                    </A>
                  </li>
                  <li class="fr-nav__item">
                    <A class="fr-nav__link" href="/question">
                      Question ?
                    </A>
                  </li>
                </>
              }
            >
              <NavLink href="/tableau-de-bord">Mon tableau de bord</NavLink>
              <NavLink href="/indicateurs">Mes indicateurs</NavLink>
              <NavLink href="/effectifs">Mes effectifs</NavLink>
              <NavLink href="/sifa">Mon enquête SIFA</NavLink>
              <NavLink href="/question">Question ?</NavLink>
              <NavLink href="/parametres">Paramètres</NavLink>
              <Show when={currentUser()?.isAdmin || currentUser()?.organisationType === "ADMINISTRATEUR"}>
                <NavLink href="/administration">Administration</NavLink>
              </Show>
            </Show>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function NavLink(props: { href: string; children: string }) {
  return (
    <li class="fr-nav__item">
      <A class="fr-nav__link" href={props.href}>
        {props.children}
      </A>
    </li>
  );
}
