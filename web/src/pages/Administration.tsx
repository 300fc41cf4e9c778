import { NotYetBuilt } from "../components/NotYetBuilt";

export default function Administration() {
  return <NotYetBuilt title="Administration" />;
}
