// title: What covers a cooperation zone
// description: Agreements and documents that cover a zone (by its name or an alias), and the regions that belong to it.
// param zone: 长三角生态绿色一体化发展示范区
MATCH (z:Place)
WHERE z.name = $zone OR $zone IN coalesce(z.aliases, [])
CALL (z) {
  MATCH (x)-[:COVERS]->(z)
  RETURN x.type AS kind, 'COVERS' AS relation, x.name AS name
  UNION
  MATCH (x:Place)-[:PART_OF]->(z)
  RETURN x.type AS kind, 'PART_OF' AS relation, x.name AS name
}
RETURN z.name AS zone, kind, relation, name
ORDER BY zone, relation, kind, name
