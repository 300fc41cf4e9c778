import { Route, Router, type RouteSectionProps } from "@solidjs/router";
import { lazy } from "solid-js";
import { Header } from "./components/Header";
import { Footer } from "./components/Footer";
import { PageEnErreur } from "./components/PageEnErreur";
import { RequireUser } from "./components/RequireUser";
import { SessionProvider } from "./session";
import { Accueil } from "./pages/Accueil";
import { Question } from "./pages/Question";

const Connexion = lazy(() => import("./pages/Connexion"));
const Inscription = lazy(() => import("./pages/Inscription"));
const MotDePasseOublie = lazy(() => import("./pages/MotDePasseOublie"));
const Reinitialisation = lazy(() => import("./pages/Reinitialisation"));
const EnAttente = lazy(() => import("./pages/EnAttente"));
const TableauDeBord = lazy(() => import("./pages/TableauDeBord"));
const Parametres = lazy(() => import("./pages/Parametres"));
const Effectifs = lazy(() => import("./pages/Effectifs"));
const Indicateurs = lazy(() => import("./pages/Indicateurs"));
const Transmissions = lazy(() => import("./pages/Transmissions"));
const Administration = lazy(() => import("./pages/Administration"));
const AdminLayout = lazy(() => import("./pages/administration/AdminLayout"));
const AdminUtilisateurs = lazy(() => import("./pages/administration/Utilisateurs"));
const AdminOrganismes = lazy(() => import("./pages/administration/Organismes"));
const AdminOrganisme = lazy(() => import("./pages/administration/OrganismeSupport"));
const AdminTransmissions = lazy(() => import("./pages/administration/Transmissions"));
const AdminEmails = lazy(() => import("./pages/administration/Emails"));
const AdminErps = lazy(() => import("./pages/administration/Erps"));
const MonCompte = lazy(() => import("./pages/MonCompte"));
const MonOrganisation = lazy(() => import("./pages/MonOrganisation"));
const Invitation = lazy(() => import("./pages/Invitation"));
const AjoutFichier = lazy(() => import("./pages/AjoutFichier"));
const Doublons = lazy(() => import("./pages/Doublons"));
const Sifa = lazy(() => import("./pages/Sifa"));
const Organismes = lazy(() => import("./pages/Organismes"));
const OrganismeLecture = lazy(() => import("./pages/OrganismeLecture"));
const JeunesEnRupture = lazy(() => import("./pages/JeunesEnRupture"));
const Accessibilite = lazy(() => import("./pages/legal/Accessibilite"));
const MentionsLegales = lazy(() => import("./pages/legal/MentionsLegales"));
const DonneesPersonnelles = lazy(() => import("./pages/legal/DonneesPersonnelles"));
const GestionCookies = lazy(() => import("./pages/legal/GestionCookies"));
const PageIntrouvable = lazy(() => import("./pages/PageIntrouvable"));

function Layout(props: RouteSectionProps) {
  return (
    <SessionProvider>
      {/* the router would take the anchor for a navigation: the skip link moves the focus itself */}
      <a
        class="fr-link fr-sr-only fr-sr-only-focusable"
        href="#contenu"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById("contenu")?.focus();
        }}
      >
        Aller au contenu
      </a>
      <Header />
      <main id="contenu" class="app-main" tabindex="-1">
        <PageEnErreur>{props.children}</PageEnErreur>
      </main>
      <Footer />
    </SessionProvider>
  );
}

export function App() {
  return (
    <Router root={Layout}>
      <Route path="/" component={Accueil} />
      <Route path="/question" component={Question} />
      <Route path="/connexion" component={Connexion} />
      <Route path="/inscription" component={Inscription} />
      <Route path="/mot-de-passe-oublie" component={MotDePasseOublie} />
      <Route path="/reinitialisation" component={Reinitialisation} />
      <Route path="/invitation" component={Invitation} />
      <Route path="/en-attente" component={EnAttente} />
      <Route path="/accessibilite" component={Accessibilite} />
      <Route path="/mentions-legales" component={MentionsLegales} />
      <Route path="/donnees-personnelles" component={DonneesPersonnelles} />
      <Route path="/gestion-des-cookies" component={GestionCookies} />
      {/* An active user only: the others go to the login or to the waiting page. */}
      <Route component={RequireUser}>
        <Route path="/tableau-de-bord" component={TableauDeBord} />
        <Route path="/parametres" component={Parametres} />
        <Route path="/effectifs" component={Effectifs} />
        <Route path="/effectifs/ajout-fichier" component={AjoutFichier} />
        <Route path="/effectifs/doublons" component={Doublons} />
        <Route path="/indicateurs" component={Indicateurs} />
        <Route path="/transmissions" component={Transmissions} />
        <Route path="/administration" component={AdminLayout}>
          <Route path="/" component={Administration} />
          <Route path="/utilisateurs" component={AdminUtilisateurs} />
          <Route path="/organismes" component={AdminOrganismes} />
          <Route path="/organismes/:id" component={AdminOrganisme} />
          <Route path="/transmissions" component={AdminTransmissions} />
          <Route path="/emails" component={AdminEmails} />
          <Route path="/erps" component={AdminErps} />
        </Route>
        <Route path="/mon-compte" component={MonCompte} />
        <Route path="/mon-organisation" component={MonOrganisation} />
        <Route path="/sifa" component={Sifa} />
        <Route path="/organismes" component={Organismes} />
        <Route path="/organismes/:id" component={OrganismeLecture} />
        <Route path="/jeunes-en-rupture" component={JeunesEnRupture} />
      </Route>
      <Route path="*" component={PageIntrouvable} />
    </Router>
  );
}
