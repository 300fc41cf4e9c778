import { NotYetBuilt } from "../components/NotYetBuilt";

export default function MotDePasseOublie() {
  return <NotYetBuilt title="MotDePasseOublie" />;
}
