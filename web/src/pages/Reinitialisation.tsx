import { NotYetBuilt } from "../components/NotYetBuilt";

export default function Reinitialisation() {
  return <NotYetBuilt title="Reinitialisation" />;
}
