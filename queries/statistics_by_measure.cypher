// title: Statistics of a report, with inconsistent ones flagged
// description: Every figure a report states (all reports when report is empty): what it measures, value, unit, and whether a percentage disagrees with the counts it rests on.
// param report:
MATCH (r:Report)-[:STATES]->(s:Statistic)
WHERE $report = '' OR r.id = $report
RETURN r.id AS report, s.measure AS measure, s.value AS value, s.unit AS unit,
       s.consistent AS consistent, s.check AS check, coalesce(s.consistent = false, false) AS flagged
ORDER BY report, measure, value
