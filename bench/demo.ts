/** The demo organismes the bench works with, as the seed created them (same deterministic référentiel). */
import { generateReferentiel } from "../db/demo/referentiel";
import { DEMO_API_KEY, DEMO_PASSWORD, selectDemoOrganismes } from "../tools/demo/comptes";

const selection = selectDemoOrganismes(generateReferentiel());

/** The Gesti OFA: it has a confirmed key, so its pushes are applied at once. */
export const gesti = selection.gesti;
/** Another fiable OFA of the seed, with no data: the raw writes go there so they never touch the pipeline's rows. */
export const ofaTemoin = selection.ofa;
export const GESTI_EMAIL = "ofa-gesti@example.fr";
export const ADMIN_EMAIL = "admin@example.fr";
/** The DREETS of the demo région (gesti's). */
export const DREETS_EMAIL = "dreets@example.fr";
/** The Mission Locale of Clermont-Ferrand (its zone: the demo communes of the Puy-de-Dôme). */
export const MISSION_LOCALE_EMAIL = "mission-locale@example.fr";
export { DEMO_API_KEY, DEMO_PASSWORD };
