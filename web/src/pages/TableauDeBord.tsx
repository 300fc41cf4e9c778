import { NotYetBuilt } from "../components/NotYetBuilt";

export default function TableauDeBord() {
  return <NotYetBuilt title="TableauDeBord" />;
}
