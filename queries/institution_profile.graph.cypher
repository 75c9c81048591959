// Graph form of institution_profile: the institution and everything it is related to.
MATCH related = (i:Institution {name: $name})-[:PART_OF|LOCATED_IN|ESTABLISHED|ISSUED|PARTY_TO|COVERS|SERVES|IMPLEMENTS]-(other)
RETURN related
