import { NotYetBuilt } from "../components/NotYetBuilt";

export default function EnAttente() {
  return <NotYetBuilt title="EnAttente" />;
}
