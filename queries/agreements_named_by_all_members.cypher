// title: Agreements every member of a zone names
// description: Agreements named in the reports of every county-level member of a cooperation zone (default: the demo zone's 青浦区, 吴江区 and 嘉善县), across all years loaded.
// param zone: 长三角生态绿色一体化发展示范区
MATCH (z:Place)
WHERE z.name = $zone OR $zone IN coalesce(z.aliases, [])
MATCH (m:Place)-[:PART_OF]->(z)
WHERE m.class = 'County'
WITH collect(DISTINCT m.name) AS members
MATCH (r:Report)-[:MENTIONS]->(a:Agreement)
WHERE r.region IN members
WITH a, members, collect(DISTINCT r.region) AS naming
WHERE size(naming) = size(members)
RETURN a.name AS agreement, size(naming) AS members
ORDER BY agreement
