import { render } from "solid-js/web";
import "@gouvfr/dsfr/dist/dsfr.min.css";
import "@gouvfr/dsfr/dist/utility/icons/icons.min.css";
import "./styles/app.css";
import { App } from "./App";

render(() => <App />, document.getElementById("root")!);
