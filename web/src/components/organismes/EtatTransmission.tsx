import {
  ETAT_TRANSMISSION_LABELS,
  type EtatTransmission as Etat,
} from "../../../../worker/domain/perimetre-organismes";

const COULEUR: Record<Etat, string> = {
  "non-parametre": "fr-badge--warning",
  "en-attente": "fr-badge--new",
  connecte: "fr-badge--success",
  manuel: "fr-badge--info",
};

/** Where the organisme's connection procedure stands, as a DSFR badge. */
export function EtatTransmission(props: { etat: Etat; id?: string; small?: boolean }) {
  return (
    <p
      id={props.id}
      class={`fr-badge fr-badge--no-icon ${COULEUR[props.etat]}`}
      classList={{ "fr-badge--sm": props.small }}
    >
      {ETAT_TRANSMISSION_LABELS[props.etat]}
    </p>
  );
}
