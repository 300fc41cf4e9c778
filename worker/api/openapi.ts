import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { dossierApprenantSchema, MAX_DOSSIERS_PAR_REQUETE } from "../domain/dossier";

const errorBody = (message: string) => ({
  type: "object",
  properties: { error: { type: "string" }, message: { type: "string", example: message } },
  required: ["error", "message"],
});

const validationError = {
  type: "object",
  properties: {
    message: { type: "string", example: "UAI invalide" },
    path: { type: "string", example: "etablissement_formateur_uai" },
  },
  required: ["message", "path"],
};

const bearerResponses = {
  "403": {
    description:
      "Clé absente, mal formée, inconnue ou révoquée : « Clé API manquante », « La clé API doit etre au format Bearer », « La clé API n'est pas valide »",
    content: { "application/json": { schema: errorBody("La clé API n'est pas valide") } },
  },
  "429": {
    description:
      "Trop de requêtes (3000 par minute et par clé, 300 échecs d'authentification par minute et par IP) ; l'en-tête Retry-After dit quand réessayer",
    content: { "application/json": { schema: errorBody("Trop de requêtes, veuillez réessayer plus tard.") } },
  },
};

/** The OpenAPI description of the ERP API, generated from the same zod schema that validates the pushes. */
function buildOpenApi() {
  const dossier = z.toJSONSchema(dossierApprenantSchema, {
    io: "input",
    unrepresentable: "any",
    target: "openapi-3.0",
  });
  return {
    openapi: "3.0.3",
    info: {
      title: "Tableau de bord de l'apprentissage — API ERP v3",
      version: "3.0.0",
      description:
        "Transmission des dossiers apprenants par les ERP, compatible avec l'API v3 du service national. " +
        "Chaque contrôle est rendu dans la réponse, et les dossiers valides sont visibles sur le tableau de bord dès la réponse envoyée.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        cleEchange: { type: "http", scheme: "bearer", description: "La clé d'échange générée dans Paramètres" },
      },
      schemas: { DossierApprenant: dossier, ValidationError: validationError },
    },
    security: [{ cleEchange: [] }],
    paths: {
      "/api/v3/dossiers-apprenants": {
        post: {
          summary: "Transmettre des dossiers apprenants",
          description: `Un tableau d'au plus ${MAX_DOSSIERS_PAR_REQUETE} dossiers (10 Mo au plus). Les champs inconnus sont ignorés, les valeurs null valent absence ; le NIR n'est jamais conservé.`,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "array",
                  maxItems: MAX_DOSSIERS_PAR_REQUETE,
                  items: { $ref: "#/components/schemas/DossierApprenant" },
                },
              },
            },
          },
          responses: {
            "200": {
              description: "Dossiers reçus ; chaque élément de data dit son résultat et ses erreurs",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      status: { type: "string", example: "OK" },
                      message: { type: "string", example: "Queued" },
                      detail: { type: "string", example: "Some data are invalid" },
                      data: {
                        type: "array",
                        items: {
                          allOf: [
                            { $ref: "#/components/schemas/DossierApprenant" },
                            {
                              type: "object",
                              properties: {
                                validation_errors: {
                                  type: "array",
                                  items: { $ref: "#/components/schemas/ValidationError" },
                                },
                                outcome: {
                                  type: "string",
                                  enum: ["created", "updated", "unchanged", "held", "invalid"],
                                },
                                statut: {
                                  type: "string",
                                  nullable: true,
                                  enum: ["INSCRIT", "APPRENTI", "RUPTURANT", "ABANDON", "FIN_DE_FORMATION"],
                                },
                                effectif_id: { type: "string", nullable: true },
                              },
                            },
                          ],
                        },
                      },
                    },
                  },
                },
              },
            },
            "400": {
              description: "Le corps n'est pas un tableau, ou dépasse 2000 dossiers",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      error: { type: "string", example: "Bad Request" },
                      message: { type: "string", example: "Erreur de validation" },
                      details: { type: "array", items: { $ref: "#/components/schemas/ValidationError" } },
                    },
                  },
                },
              },
            },
            "413": {
              description: "Corps de plus de 10 Mo",
              content: { "application/json": { schema: errorBody("Requête trop volumineuse") } },
            },
            "503": {
              description:
                "Rare : les envois d'un même organisme sont écrits l'un après l'autre ; si un envoi attend son tour plus de 20 secondes puis perd 5 fois la course contre un autre envoi sur les mêmes apprenants, rien n'est écrit et il peut être renvoyé tel quel après le délai de l'en-tête Retry-After (en secondes)",
              headers: {
                "Retry-After": { description: "Secondes à attendre avant de renvoyer", schema: { type: "integer" } },
              },
              content: {
                "application/json": {
                  schema: errorBody(
                    "Ces dossiers sont modifiés en même temps par un autre envoi : veuillez réessayer dans quelques secondes.",
                  ),
                },
              },
            },
            ...bearerResponses,
          },
        },
      },
      "/api/v3/dossiers-apprenants/test": {
        post: {
          summary: "Tester la clé d'échange (compte comme sa première utilisation)",
          responses: {
            "200": {
              description: "Clé valide",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { msg: { type: "string", example: "ok" } } },
                },
              },
            },
            ...bearerResponses,
          },
        },
      },
    },
  };
}

let cached: ReturnType<typeof buildOpenApi> | undefined;

const DOCS_HTML = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API ERP — Tableau de bord de l'apprentissage</title>
    <link rel="stylesheet" href="/swagger-ui/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/swagger-ui/swagger-ui-bundle.js"></script>
    <script src="/swagger-ui/init.js"></script>
  </body>
</html>`;

export const openApiRoutes = new Hono<AppEnv>()
  .get("/openapi.json", (c) => c.json((cached ??= buildOpenApi())))
  .get("/docs", (c) => c.html(DOCS_HTML));
