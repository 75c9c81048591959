// Graph form of zone_coverage: the zone, what covers it and the regions that belong to it.
MATCH (z:Place)
WHERE z.name = $zone OR $zone IN coalesce(z.aliases, [])
CALL (z) {
  MATCH p = ()-[:COVERS]->(z)
  RETURN p
  UNION
  MATCH p = (:Place)-[:PART_OF]->(z)
  RETURN p
}
RETURN p
