// title: Where a report says it
// description: The source sentences for an entity: each mention's report, offsets, exact text and sentence.
// param name: 昆山市淀山湖镇跨域基层法治观察点
MATCH (r:Report)-[m:MENTIONS]->(e {name: $name})
RETURN r.id AS report, m.start AS start, m.end AS end, m.text AS text, m.sentence AS sentence
ORDER BY report, start
