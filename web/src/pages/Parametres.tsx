import { NotYetBuilt } from "../components/NotYetBuilt";

export default function Parametres() {
  return <NotYetBuilt title="Parametres" />;
}
