import { NotYetBuilt } from "../components/NotYetBuilt";

export default function Inscription() {
  return <NotYetBuilt title="Inscription" />;
}
