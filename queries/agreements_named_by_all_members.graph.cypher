// Graph form of agreements_named_by_all_members: the zone, its county-level members, and
// each shared agreement with the members' reports that name it.
MATCH (z:Place)
WHERE z.name = $zone OR $zone IN coalesce(z.aliases, [])
MATCH (m:Place)-[:PART_OF]->(z)
WHERE m.class = 'County'
WITH z, collect(DISTINCT m.name) AS members
MATCH (r:Report)-[:MENTIONS]->(a:Agreement)
WHERE r.region IN members
WITH z, a, members, collect(DISTINCT r.region) AS naming, collect(DISTINCT r) AS reports
WHERE size(naming) = size(members)
UNWIND reports AS r
MATCH named = (r)-[:MENTIONS]->(a)
WITH z, a, r, head(collect(named)) AS named
MATCH member = (m:Place {name: r.region})-[:PART_OF]->(z)
RETURN named, member
