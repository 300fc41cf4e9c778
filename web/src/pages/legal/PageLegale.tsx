import type { JSX } from "solid-js";
import { ACCUEIL, FilAriane } from "../../components/FilAriane";

/** The frame of the footer's mandatory pages: breadcrumb, title, text. */
export function PageLegale(props: { titre: string; children: JSX.Element }) {
  return (
    <div class="fr-container fr-my-4w">
      <FilAriane parents={[ACCUEIL]} page={props.titre} />
      <div class="fr-grid-row">
        <div class="fr-col-12 fr-col-lg-9">
          <h1>{props.titre}</h1>
          {props.children}
        </div>
      </div>
    </div>
  );
}
