import { Route, Router, type RouteSectionProps } from "@solidjs/router";
import { lazy } from "solid-js";
import { Header } from "./components/Header";
import { Footer } from "./components/Footer";
import { NotYetBuilt } from "./components/NotYetBuilt";
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
const AjoutFichier = lazy(() => import("./pages/AjoutFichier"));
const Sifa = lazy(() => import("./pages/Sifa"));
const Organismes = lazy(() => import("./pages/Organismes"));
const OrganismeLecture = lazy(() => import("./pages/OrganismeLecture"));

function Layout(props: RouteSectionProps) {
  return (
    <SessionProvider>
      <a class="fr-link fr-sr-only fr-sr-only-focusable" href="#contenu">
        Aller au contenu
      </a>
      <Header />
      <main id="contenu" class="app-main" tabindex="-1">
        {props.children}
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
      <Route path="/en-attente" component={EnAttente} />
      {/* An active user only: the others go to the login or to the waiting page. */}
      <Route component={RequireUser}>
        <Route path="/tableau-de-bord" component={TableauDeBord} />
        <Route path="/parametres" component={Parametres} />
        <Route path="/effectifs" component={Effectifs} />
        <Route path="/effectifs/ajout-fichier" component={AjoutFichier} />
        <Route path="/indicateurs" component={Indicateurs} />
        <Route path="/transmissions" component={Transmissions} />
        <Route path="/administration" component={Administration} />
        <Route path="/sifa" component={Sifa} />
        <Route path="/organismes" component={Organismes} />
        <Route path="/organismes/:id" component={OrganismeLecture} />
      </Route>
      <Route path="*" component={() => <NotYetBuilt title="Page introuvable" />} />
    </Router>
  );
}
