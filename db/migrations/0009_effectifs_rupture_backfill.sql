-- The Missions Locales' columns of the effectifs stored before migration 0008 (the ingestion fills them since).
UPDATE effectifs
   SET commune_apprenant = data ->> '$.code_commune_insee_apprenant',
       code_postal_apprenant = data ->> '$.code_postal_apprenant',
       date_rupture = (SELECT max(j.value ->> '$.date') FROM json_each(parcours) AS j
                        WHERE j.value ->> '$.statut' = 'RUPTURANT');
