import { A, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { isAdministrator } from "../../../../worker/domain/administrateur";
import { useUser } from "../../session";

const RUBRIQUES = [
  { href: "/administration", label: "Comptes en attente", end: true },
  { href: "/administration/utilisateurs", label: "Utilisateurs" },
  { href: "/administration/organismes", label: "Organismes" },
  { href: "/administration/transmissions", label: "Vue des transmissions" },
  { href: "/administration/erps", label: "Catalogue des ERP" },
  { href: "/administration/emails", label: "E-mails envoyés" },
];

/**
 * The administration's pages beside a DSFR side menu (administrators). A member of an organisation validating its
 * pending accounts (`/administration`) sees that page alone; the other pages are the administrators'.
 */
export default function AdminLayout(props: RouteSectionProps) {
  const user = useUser();
  const isAdmin = () => isAdministrator(user());
  const pageEnAttente = () => props.location.pathname.replace(/\/$/, "") === "/administration";
  return (
    <div class="fr-container fr-my-6w">
      <Show
        when={isAdmin()}
        fallback={
          <Show
            when={pageEnAttente()}
            fallback={
              <div class="fr-alert fr-alert--error">
                <p>Cette page est réservée aux administrateurs du service.</p>
              </div>
            }
          >
            {props.children}
          </Show>
        }
      >
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">
            <nav class="fr-sidemenu" role="navigation" aria-labelledby="menu-administration-titre">
              <div class="fr-sidemenu__inner">
                <div class="fr-sidemenu__title" id="menu-administration-titre">
                  Administration
                </div>
                <ul class="fr-sidemenu__list">
                  <For each={RUBRIQUES}>
                    {(rubrique) => (
                      <li class="fr-sidemenu__item" classList={{ "fr-sidemenu__item--active": estActive(rubrique) }}>
                        <A class="fr-sidemenu__link" href={rubrique.href} end={rubrique.end} activeClass="">
                          {rubrique.label}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            </nav>
          </div>
          <div class="fr-col-12 fr-col-md-9">{props.children}</div>
        </div>
      </Show>
    </div>
  );

  function estActive(rubrique: { href: string; end?: boolean }) {
    const path = props.location.pathname.replace(/\/$/, "");
    return rubrique.end ? path === rubrique.href : path === rubrique.href || path.startsWith(`${rubrique.href}/`);
  }
}
