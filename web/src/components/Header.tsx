import { A, useAction, useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { deconnexion } from "../actions";
import { useSession } from "../session";
import { isAdministrator } from "../../../worker/domain/administrateur";
import { ORGANISATIONS_TERRITORIALES } from "../../../worker/domain/perimetre-organismes";

/**
 * The DSFR header: Marianne block, service name, account links, and the navigation once logged in.
 * On a phone, DSFR folds the links and the navigation into a "Menu" modal; we open it ourselves (no DSFR JS).
 */
export function Header() {
  const navigate = useNavigate();
  const location = useLocation();
  const currentUser = useSession();
  const logoutAction = useAction(deconnexion);
  const [menuOpen, setMenuOpen] = createSignal(false);
  let closeButton: HTMLButtonElement | undefined;
  const openMenu = () => {
    setMenuOpen(true);
    // Keyboard users land inside the opened menu.
    queueMicrotask(() => closeButton?.focus());
  };
  createEffect(
    on(
      () => location.pathname,
      () => setMenuOpen(false),
      { defer: true },
    ),
  );
  const logout = async () => {
    setMenuOpen(false);
    await logoutAction();
    navigate("/");
  };
  const active = () => currentUser()?.status === "active";
  const isAdmin = () => Boolean(currentUser() && isAdministrator(currentUser()!));
  /** réseaux, opérateurs publics and administrators: the organismes of their perimeter */
  const voitUnPerimetre = () =>
    isAdmin() || ORGANISATIONS_TERRITORIALES.includes(currentUser()?.organisationType ?? "");
  /** Missions Locales and ARML: their dashboard (and a Mission Locale's worklist), no effectifs' indicators */
  const missionLocale = () => currentUser()?.organisationType === "MISSION_LOCALE";
  const sansIndicateurs = () => missionLocale() || currentUser()?.organisationType === "ARML";

  const toolLinks = () => (
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
              <A class="fr-btn fr-icon-account-circle-line" href="/mon-compte" title="Mon compte">
                {user().prenom} {user().nom}
                <span class="fr-sr-only"> — Mon compte</span>
              </A>
            </li>
            <Show when={active()}>
              <li>
                <A class="fr-btn fr-icon-team-line" href="/mon-organisation">
                  Mon organisation
                </A>
              </li>
            </Show>
            <li>
              <button type="button" class="fr-btn fr-icon-logout-box-r-line" onClick={logout}>
                Se déconnecter
              </button>
            </li>
          </>
        )}
      </Show>
    </ul>
  );

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
                <div class="fr-header__navbar">
                  <button
                    type="button"
                    class="fr-btn--menu fr-btn"
                    id="bouton-menu"
                    aria-controls="menu-modal"
                    aria-haspopup="menu"
                    aria-expanded={menuOpen()}
                    title="Menu"
                    onClick={openMenu}
                  >
                    Menu
                  </button>
                </div>
              </div>
              <div class="fr-header__service">
                <A href="/" title="Accueil — Tableau de bord de l'apprentissage">
                  <p class="fr-header__service-title">
                    Tableau de bord de l'apprentissage{" "}
                    <span class="fr-badge fr-badge--sm fr-badge--green-emeraude">BETA</span>
                  </p>
                </A>
                <p class="fr-header__service-tagline">Mission interministérielle pour l'apprentissage</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">{toolLinks()}</div>
            </div>
          </div>
        </div>
      </div>
      <div
        class="fr-header__menu fr-modal"
        classList={{ "fr-modal--opened": menuOpen() }}
        id="menu-modal"
        aria-labelledby="bouton-menu"
        onKeyDown={(e) => e.key === "Escape" && setMenuOpen(false)}
      >
        <div class="fr-container">
          <button
            ref={closeButton}
            type="button"
            class="fr-btn--close fr-btn"
            aria-controls="menu-modal"
            title="Fermer"
            onClick={() => setMenuOpen(false)}
          >
            Fermer
          </button>
          <div class="fr-header__menu-links">{toolLinks()}</div>
          <nav class="fr-nav" role="navigation" aria-label="Menu principal">
            <ul class="fr-nav__list">
              <Show
                when={active()}
                fallback={
                  <>
                    <NavLink href="/" end>
                      Accueil
                    </NavLink>
                    <NavLink href="/question">Question ?</NavLink>
                  </>
                }
              >
                <NavLink href="/tableau-de-bord">Mon tableau de bord</NavLink>
                {/* An organisme's indicators, or a réseau's, an opérateur public's or the country's. */}
                <Show when={!sansIndicateurs()}>
                  <NavLink href="/indicateurs">Mes indicateurs</NavLink>
                </Show>
                {/* A Mission Locale's worklist: the apprentices in rupture of its zone. */}
                <Show when={missionLocale()}>
                  <NavLink href="/jeunes-en-rupture">Jeunes en rupture</NavLink>
                </Show>
                {/* The pages of one organisme's learners. */}
                <Show when={currentUser()?.organismeId}>
                  <NavLink href="/effectifs">Mes effectifs</NavLink>
                  <NavLink href="/sifa">Mon enquête SIFA</NavLink>
                </Show>
                <Show when={voitUnPerimetre()}>
                  <NavLink href="/organismes">Organismes</NavLink>
                </Show>
                <NavLink href="/question">Question ?</NavLink>
                <Show when={currentUser()?.organismeId}>
                  <NavLink href="/parametres">Paramètres</NavLink>
                </Show>
                <Show when={isAdmin()}>
                  <NavLink href="/administration">Administration</NavLink>
                </Show>
              </Show>
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

function NavLink(props: { href: string; end?: boolean; children: string }) {
  return (
    <li class="fr-nav__item">
      <A class="fr-nav__link" href={props.href} end={props.end}>
        {props.children}
      </A>
    </li>
  );
}
