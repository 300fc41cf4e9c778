/**
 * Part 3: the national indicators over 1,000,000 effectifs. The parcours intervals are generated inside D1 by a
 * bench route (recursive CTE, in chunks), then GET /api/indicateurs is timed against the bare count of the
 * intervals covering the date (no counters, no fiabilité filter).
 */
import { compare, type Comparaison } from "./dashboard";
import { asUser, postJson, timed, type Session } from "./http";

const CHUNK = 50_000;
/** Each raw count reads every interval of the year: fewer rounds than the organisme's dashboard. */
const REPEAT = 5;

export interface Volume {
  intervalles: number;
  compteursMois: number;
  variations: number;
}

/** `premier`: the first effectif's number (another school year's effectifs take numbers after this one's). */
export async function loadNational(
  baseUrl: string,
  total: number,
  anneeScolaire: string,
  premier = 0,
): Promise<{ seconds: number; volume: Volume }> {
  const started = performance.now();
  for (let debut = 0; debut < total; debut += CHUNK) {
    const nombre = Math.min(CHUNK, total - debut);
    await timed(
      `${baseUrl}/api/bench/chargement-national`,
      postJson({ debut: premier + debut, nombre, anneeScolaire }),
    );
    process.stdout.write(
      `\r   chargement : ${(debut + nombre).toLocaleString("fr-FR")} / ${total.toLocaleString("fr-FR")} effectifs`,
    );
  }
  process.stdout.write("\n");
  const seconds = (performance.now() - started) / 1000;
  return { seconds, volume: (await timed<Volume>(`${baseUrl}/api/bench/volume`)).body };
}

export async function benchNational(admin: Session, dates: string[], region: string): Promise<Comparaison[]> {
  const base = admin.baseUrl;
  const results: Comparaison[] = [];
  const rawNational = (date: string) => () => timed(`${base}/api/bench/comptage/national?date=${date}`);
  for (const date of dates) {
    results.push(
      await compare(
        `GET /api/indicateurs?date=${date}`,
        async () => {
          const { body } = await timed<{ organismes: number; indicateurs: { apprenants: number; abandons: number } }>(
            `${base}/api/indicateurs?date=${date}`,
            asUser(admin),
          );
          return `${(body.indicateurs.apprenants + body.indicateurs.abandons).toLocaleString("fr-FR")} effectifs, ${body.organismes} organismes fiables`;
        },
        rawNational(date),
        REPEAT,
      ),
    );
  }
  const date = dates[dates.length - 1];
  results.push(
    await compare(
      `GET /api/indicateurs?date=${date}&region=${region}`,
      async () => {
        const { body } = await timed<{ organismes: number; indicateurs: { apprenants: number; abandons: number } }>(
          `${base}/api/indicateurs?date=${date}&region=${region}`,
          asUser(admin),
        );
        return `${(body.indicateurs.apprenants + body.indicateurs.abandons).toLocaleString("fr-FR")} effectifs, ${body.organismes} organismes fiables`;
      },
      rawNational(date),
      REPEAT,
    ),
  );
  return results;
}

/**
 * The breakdown by formation and the nominative lists of the whole country (administrator, no territory), each
 * timed against the national counters (`GET /api/indicateurs`, same date) in the same rounds: what they cost over
 * the cheapest national read. Lists: the first page, a page 50 rows in, the last page (each of 20 rows).
 */
export async function benchNationalDetail(admin: Session, date: string): Promise<Comparaison[]> {
  const base = admin.baseUrl;
  const counters = () => timed(`${base}/api/indicateurs?date=${date}`, asUser(admin));
  const results: Comparaison[] = [];
  results.push(
    await compare(
      `GET /api/indicateurs/formations?date=${date}`,
      async () => {
        const { body } = await timed<{ total: number; formations: { indicateurs: { apprenants: number } }[] }>(
          `${base}/api/indicateurs/formations?date=${date}`,
          asUser(admin),
        );
        return `${body.total} formations, 1re : ${body.formations[0]?.indicateurs.apprenants ?? 0} apprenants`;
      },
      counters,
      REPEAT,
    ),
  );
  for (const indicateur of ["apprentis", "rupturants", "inscrits"]) {
    const liste = `${base}/api/indicateurs/liste?indicateur=${indicateur}&date=${date}&taille=20`;
    const first = await timed<{ total: number }>(`${liste}&page=1`, asUser(admin));
    const last = Math.max(1, Math.ceil(first.body.total / 20));
    for (const page of [1, 3, last]) {
      results.push(
        await compare(
          `GET /api/indicateurs/liste?indicateur=${indicateur} (page ${page.toLocaleString("fr-FR")})`,
          async () => {
            const { body } = await timed<{ total: number; rows: unknown[] }>(`${liste}&page=${page}`, asUser(admin));
            return `${body.total.toLocaleString("fr-FR")} apprenants, ${body.rows.length} lignes`;
          },
          counters,
          REPEAT,
        ),
      );
    }
  }
  return results;
}
