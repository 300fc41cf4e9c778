/**
 * Part 8: costs that stay flat as one organisme grows. Its effectifs are loaded inside D1 (bench route, recursive
 * CTEs: effectifs, report rows, parcours intervals) up to 10,000, 50,000 and 100,000; at each size the organisme's
 * dashboard, Mes effectifs (first page, a search, a sorted page, the last page) and its indicators (by formation,
 * month by month) are timed against the bare count at the same size, interleaved (bench/dashboard.ts compare).
 */
import { compare, type Comparaison } from "./dashboard";
import { asUser, postJson, timed, type Session } from "./http";

const CHUNK = 10_000;
const REPEAT = 9;

export interface Palier {
  taille: number;
  loadSeconds: number;
  comparaisons: Comparaison[];
}

const count = async (base: string, organismeId: string) =>
  (await timed<{ effectifs: number }>(`${base}/api/bench/comptage/organisme/${organismeId}/effectifs`)).body.effectifs;

/** Loads the organisme up to `taille` effectifs (its scope's count, the rows Mes effectifs lists). */
async function loadUpTo(base: string, organismeId: string, taille: number, anneeScolaire: string): Promise<number> {
  const started = performance.now();
  let n = await count(base, organismeId);
  while (n < taille) {
    const nombre = Math.min(CHUNK, taille - n);
    // `debut`: the ids so far, so that each chunk's are new whatever the organisme held before.
    await timed(`${base}/api/bench/chargement-organisme`, postJson({ organismeId, debut: n, nombre, anneeScolaire }));
    n = await count(base, organismeId);
    process.stdout.write(
      `\r   chargement : ${n.toLocaleString("fr-FR")} / ${taille.toLocaleString("fr-FR")} effectifs`,
    );
  }
  process.stdout.write("\n");
  return (performance.now() - started) / 1000;
}

export async function benchCroissance(
  session: Session,
  organismeId: string,
  options: { tailles: number[]; anneeScolaire: string; date: string },
): Promise<Palier[]> {
  const base = session.baseUrl;
  const paliers: Palier[] = [];
  const org = `${base}/api/organismes/${organismeId}`;
  const get = <T>(url: string) => timed<T>(url, asUser(session)).then((r) => r.body);
  const rawEffectifs = () => timed(`${base}/api/bench/comptage/organisme/${organismeId}/effectifs`);
  const rawStatuts = () => timed(`${base}/api/bench/comptage/organisme/${organismeId}/statuts?date=${options.date}`);
  const rawEvolution = () =>
    timed(
      `${base}/api/bench/comptage/organisme/${organismeId}/evolution?annee=${options.anneeScolaire}&date=${options.date}`,
    );
  const page = (query: string) => async () => {
    const body = await get<{ total: number; rows: unknown[] }>(`${org}/effectifs?${query}`);
    return `${body.total.toLocaleString("fr-FR")} dossiers, ${body.rows.length} lignes`;
  };
  for (const taille of options.tailles) {
    console.log(`\n8. Organisme à ${taille.toLocaleString("fr-FR")} effectifs`);
    const loadSeconds = await loadUpTo(base, organismeId, taille, options.anneeScolaire);
    const { total } = await get<{ total: number }>(`${org}/effectifs?page=1`);
    const last = Math.max(1, Math.ceil(total / 50));
    const comparaisons = [
      await compare(
        "GET /api/organismes/:id",
        async () => {
          const body = await get<{ organisme: { dossiersEnAttente: number } }>(org);
          return `${body.organisme.dossiersEnAttente} dossiers en attente`;
        },
        rawEffectifs,
        REPEAT,
      ),
      await compare(
        "GET /api/organismes/:id/indicateurs",
        async () => {
          const body = await get<{ indicateurs: { apprenants: number; abandons: number } }>(
            `${org}/indicateurs?date=${options.date}`,
          );
          return `${(body.indicateurs.apprenants + body.indicateurs.abandons).toLocaleString("fr-FR")} effectifs comptés`;
        },
        rawStatuts,
        REPEAT,
      ),
      await compare("Mes effectifs : 1re page", page("page=1"), rawEffectifs, REPEAT),
      await compare(
        "Mes effectifs : recherche (apprenant=NOM12)",
        page("page=1&apprenant=NOM12"),
        rawEffectifs,
        REPEAT,
      ),
      await compare(
        "Mes effectifs : page triée (tri=debut&ordre=desc, page 3)",
        page("page=3&tri=debut&ordre=desc"),
        rawEffectifs,
        REPEAT,
      ),
      await compare(
        `Mes effectifs : dernière page (${last.toLocaleString("fr-FR")})`,
        page(`page=${last}`),
        rawEffectifs,
        REPEAT,
      ),
      await compare(
        "GET /api/organismes/:id/indicateurs/formations",
        async () => {
          const body = await get<{ formations: unknown[] }>(`${org}/indicateurs/formations?date=${options.date}`);
          return `${body.formations.length} formations`;
        },
        rawStatuts,
        REPEAT,
      ),
      await compare(
        "GET /api/organismes/:id/indicateurs/evolution (contre les comptages bruts des mêmes mois)",
        async () => {
          const body = await get<{ points: { date: string | null }[] }>(
            `${org}/indicateurs/evolution?annee=${options.anneeScolaire}`,
          );
          return `${body.points.filter((p) => p.date).length} mois comptés`;
        },
        rawEvolution,
        REPEAT,
      ),
    ];
    paliers.push({ taille, loadSeconds, comparaisons });
  }
  return paliers;
}
