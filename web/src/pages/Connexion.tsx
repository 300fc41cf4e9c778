import { NotYetBuilt } from "../components/NotYetBuilt";

export default function Connexion() {
  return <NotYetBuilt title="Connexion" />;
}
