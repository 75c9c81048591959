// title: Statistics of a report, with inconsistent ones flagged
// description: Every figure a report states (with report empty: of all reports, the first `limit` in report order): what it measures, value, unit, and whether a percentage disagrees with the counts it rests on.
// param report:
// param limit: 100
// Reports in id order (from the index), so the final sort can stop after `limit` rows.
MATCH (r:Report)
WHERE r.id IS NOT NULL AND ($report = '' OR r.id = $report)
WITH r ORDER BY r.id
MATCH (r)-[:STATES]->(s:Statistic)
RETURN r.id AS report, s.measure AS measure, s.value AS value, s.unit AS unit,
       s.consistent AS consistent, s.check AS check, coalesce(s.consistent = false, false) AS flagged
ORDER BY report, measure, value, unit, coalesce(check, ''), coalesce(toString(consistent), '')
LIMIT $limit
