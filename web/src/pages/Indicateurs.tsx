import { NotYetBuilt } from "../components/NotYetBuilt";

export default function Indicateurs() {
  return <NotYetBuilt title="Mes indicateurs" />;
}
