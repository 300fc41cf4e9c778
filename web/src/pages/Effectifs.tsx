import { NotYetBuilt } from "../components/NotYetBuilt";

export default function Effectifs() {
  return <NotYetBuilt title="Mes effectifs" />;
}
