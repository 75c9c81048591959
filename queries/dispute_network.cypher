// title: The dispute-resolution network
// description: Mediation and dispute centres with the centres they belong to, where they sit (host bodies or places) and who set them up; the first `limit` rows by centre name. The finer class (centre or branch) is left out: two reports may class one centre differently, and Neo4j keeps the latest while RDF keeps both.
// param limit: 1000
MATCH (c:MediationCentre)
OPTIONAL MATCH (c)-[:PART_OF]->(parent)
OPTIONAL MATCH (c)-[:LOCATED_IN]->(host)
OPTIONAL MATCH (founder)-[:ESTABLISHED]->(c)
WITH DISTINCT c.name AS centre, parent.name AS part_of, host.name AS located_in, founder.name AS established_by
RETURN centre, part_of, located_in, established_by
ORDER BY centre, coalesce(part_of, ''), coalesce(located_in, ''), coalesce(established_by, '')
LIMIT $limit
