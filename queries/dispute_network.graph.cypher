// Graph form of dispute_network: the first `limit` centres by name with the centres they
// belong to, where they sit and who set them up.
MATCH (c:MediationCentre)
WITH DISTINCT c ORDER BY c.name LIMIT $limit
OPTIONAL MATCH belongs = (c)-[:PART_OF|LOCATED_IN]->()
OPTIONAL MATCH founded = ()-[:ESTABLISHED]->(c)
RETURN c, collect(DISTINCT belongs) AS belongs, collect(DISTINCT founded) AS founded
