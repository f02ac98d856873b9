-- Statistics by industry section and source (issue 16, db/repo/stats.ts countsScope): case_counts scopes of their
-- own, 'n:<section>|c:<source>' and 'a:<area>|n:<section>|c:<source>' — counted from the section's cases (every
-- item of each through json_each), the statistics page's breakdown and 12-week trend so filtered took ×3.1 and
-- ×6.3 a count of the same period at 1M reports. The triggers of 0026 are the same but for those scopes (two more
-- rows per case); then the backfill of the new scopes from the cases stored before, as 0018's.
DROP TRIGGER IF EXISTS `reports_counts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reports_counts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reports_case_counts_update`;
--> statement-breakpoint
CREATE TRIGGER `reports_counts_insert` AFTER INSERT ON `reports` BEGIN
  INSERT INTO `case_counts` (`scope`, `day`, `counts`)
  SELECT s.scope, CAST((NEW.submitted_at + 28800000) / 86400000 AS INTEGER),
    (SELECT json_group_object(k, 1) FROM (
      SELECT value AS k FROM json_each(json_array('a:' || NEW.jurisdiction_id, 'n:' || coalesce(NEW.industry, ''), 'c:' || NEW.channel))
      UNION SELECT 'i:' || value FROM json_each(NEW.items)))
  FROM (
    SELECT value AS scope FROM json_each(json_array('', 'a:' || NEW.jurisdiction_id, 'n:' || coalesce(NEW.industry, ''), 'c:' || NEW.channel,
      'a:' || NEW.jurisdiction_id || '|n:' || coalesce(NEW.industry, ''), 'a:' || NEW.jurisdiction_id || '|c:' || NEW.channel,
      'n:' || coalesce(NEW.industry, '') || '|c:' || NEW.channel,
      'a:' || NEW.jurisdiction_id || '|n:' || coalesce(NEW.industry, '') || '|c:' || NEW.channel))
    UNION SELECT p.value || i.value FROM json_each(NEW.items) AS i, json_each(json_array('i:', 'a:' || NEW.jurisdiction_id || '|i:')) AS p
    UNION SELECT p.value || i.value || '|c:' || NEW.channel FROM json_each(NEW.items) AS i,
      json_each(json_array('i:', 'a:' || NEW.jurisdiction_id || '|i:')) AS p
  ) AS s
  WHERE NEW.case_id IS NULL
  ON CONFLICT (`scope`, `day`) DO UPDATE SET `counts` = (
    SELECT json_group_object(key, n) FROM (
      SELECT key, sum(value) AS n FROM (
        SELECT key, value FROM json_each(`case_counts`.`counts`)
        UNION ALL SELECT key, value FROM json_each(excluded.`counts`))
      GROUP BY key HAVING n != 0));
  INSERT INTO `open_case_counts` (`jurisdiction_id`, `status`, `urgency`, `cases`)
  SELECT NEW.jurisdiction_id, NEW.status, NEW.urgency, 1 WHERE NEW.case_id IS NULL AND NEW.status != 'closed'
  ON CONFLICT (`jurisdiction_id`, `status`, `urgency`) DO UPDATE SET `cases` = `cases` + excluded.`cases`;
END;
--> statement-breakpoint
CREATE TRIGGER `reports_counts_delete` AFTER DELETE ON `reports` BEGIN
  INSERT INTO `case_counts` (`scope`, `day`, `counts`)
  SELECT s.scope, CAST((OLD.submitted_at + 28800000) / 86400000 AS INTEGER),
    (SELECT json_group_object(k, -1) FROM (
      SELECT value AS k FROM json_each(json_array('a:' || OLD.jurisdiction_id, 'n:' || coalesce(OLD.industry, ''), 'c:' || OLD.channel))
      UNION SELECT 'i:' || value FROM json_each(OLD.items)))
  FROM (
    SELECT value AS scope FROM json_each(json_array('', 'a:' || OLD.jurisdiction_id, 'n:' || coalesce(OLD.industry, ''), 'c:' || OLD.channel,
      'a:' || OLD.jurisdiction_id || '|n:' || coalesce(OLD.industry, ''), 'a:' || OLD.jurisdiction_id || '|c:' || OLD.channel,
      'n:' || coalesce(OLD.industry, '') || '|c:' || OLD.channel,
      'a:' || OLD.jurisdiction_id || '|n:' || coalesce(OLD.industry, '') || '|c:' || OLD.channel))
    UNION SELECT p.value || i.value FROM json_each(OLD.items) AS i, json_each(json_array('i:', 'a:' || OLD.jurisdiction_id || '|i:')) AS p
    UNION SELECT p.value || i.value || '|c:' || OLD.channel FROM json_each(OLD.items) AS i,
      json_each(json_array('i:', 'a:' || OLD.jurisdiction_id || '|i:')) AS p
  ) AS s
  WHERE OLD.case_id IS NULL
  ON CONFLICT (`scope`, `day`) DO UPDATE SET `counts` = (
    SELECT json_group_object(key, n) FROM (
      SELECT key, sum(value) AS n FROM (
        SELECT key, value FROM json_each(`case_counts`.`counts`)
        UNION ALL SELECT key, value FROM json_each(excluded.`counts`))
      GROUP BY key HAVING n != 0));
  INSERT INTO `open_case_counts` (`jurisdiction_id`, `status`, `urgency`, `cases`)
  SELECT OLD.jurisdiction_id, OLD.status, OLD.urgency, -1 WHERE OLD.case_id IS NULL AND OLD.status != 'closed'
  ON CONFLICT (`jurisdiction_id`, `status`, `urgency`) DO UPDATE SET `cases` = `cases` + excluded.`cases`;
END;
--> statement-breakpoint
CREATE TRIGGER `reports_case_counts_update` AFTER UPDATE OF case_id, jurisdiction_id, industry, channel, items, submitted_at ON `reports`
  WHEN OLD.case_id IS NOT NEW.case_id OR OLD.jurisdiction_id IS NOT NEW.jurisdiction_id OR OLD.industry IS NOT NEW.industry OR OLD.channel IS NOT NEW.channel OR OLD.items IS NOT NEW.items OR OLD.submitted_at IS NOT NEW.submitted_at
BEGIN
  INSERT INTO `case_counts` (`scope`, `day`, `counts`)
  SELECT s.scope, CAST((OLD.submitted_at + 28800000) / 86400000 AS INTEGER),
    (SELECT json_group_object(k, -1) FROM (
      SELECT value AS k FROM json_each(json_array('a:' || OLD.jurisdiction_id, 'n:' || coalesce(OLD.industry, ''), 'c:' || OLD.channel))
      UNION SELECT 'i:' || value FROM json_each(OLD.items)))
  FROM (
    SELECT value AS scope FROM json_each(json_array('', 'a:' || OLD.jurisdiction_id, 'n:' || coalesce(OLD.industry, ''), 'c:' || OLD.channel,
      'a:' || OLD.jurisdiction_id || '|n:' || coalesce(OLD.industry, ''), 'a:' || OLD.jurisdiction_id || '|c:' || OLD.channel,
      'n:' || coalesce(OLD.industry, '') || '|c:' || OLD.channel,
      'a:' || OLD.jurisdiction_id || '|n:' || coalesce(OLD.industry, '') || '|c:' || OLD.channel))
    UNION SELECT p.value || i.value FROM json_each(OLD.items) AS i, json_each(json_array('i:', 'a:' || OLD.jurisdiction_id || '|i:')) AS p
    UNION SELECT p.value || i.value || '|c:' || OLD.channel FROM json_each(OLD.items) AS i,
      json_each(json_array('i:', 'a:' || OLD.jurisdiction_id || '|i:')) AS p
  ) AS s
  WHERE OLD.case_id IS NULL
  ON CONFLICT (`scope`, `day`) DO UPDATE SET `counts` = (
    SELECT json_group_object(key, n) FROM (
      SELECT key, sum(value) AS n FROM (
        SELECT key, value FROM json_each(`case_counts`.`counts`)
        UNION ALL SELECT key, value FROM json_each(excluded.`counts`))
      GROUP BY key HAVING n != 0));
  INSERT INTO `case_counts` (`scope`, `day`, `counts`)
  SELECT s.scope, CAST((NEW.submitted_at + 28800000) / 86400000 AS INTEGER),
    (SELECT json_group_object(k, 1) FROM (
      SELECT value AS k FROM json_each(json_array('a:' || NEW.jurisdiction_id, 'n:' || coalesce(NEW.industry, ''), 'c:' || NEW.channel))
      UNION SELECT 'i:' || value FROM json_each(NEW.items)))
  FROM (
    SELECT value AS scope FROM json_each(json_array('', 'a:' || NEW.jurisdiction_id, 'n:' || coalesce(NEW.industry, ''), 'c:' || NEW.channel,
      'a:' || NEW.jurisdiction_id || '|n:' || coalesce(NEW.industry, ''), 'a:' || NEW.jurisdiction_id || '|c:' || NEW.channel,
      'n:' || coalesce(NEW.industry, '') || '|c:' || NEW.channel,
      'a:' || NEW.jurisdiction_id || '|n:' || coalesce(NEW.industry, '') || '|c:' || NEW.channel))
    UNION SELECT p.value || i.value FROM json_each(NEW.items) AS i, json_each(json_array('i:', 'a:' || NEW.jurisdiction_id || '|i:')) AS p
    UNION SELECT p.value || i.value || '|c:' || NEW.channel FROM json_each(NEW.items) AS i,
      json_each(json_array('i:', 'a:' || NEW.jurisdiction_id || '|i:')) AS p
  ) AS s
  WHERE NEW.case_id IS NULL
  ON CONFLICT (`scope`, `day`) DO UPDATE SET `counts` = (
    SELECT json_group_object(key, n) FROM (
      SELECT key, sum(value) AS n FROM (
        SELECT key, value FROM json_each(`case_counts`.`counts`)
        UNION ALL SELECT key, value FROM json_each(excluded.`counts`))
      GROUP BY key HAVING n != 0));
END;
--> statement-breakpoint
-- Backfill: the new scopes' counts of the cases stored before (no row of them exists yet).
WITH c AS (
  SELECT id, jurisdiction_id AS a, coalesce(industry, '') AS n, channel AS ch, items,
         CAST((submitted_at + 28800000) / 86400000 AS INTEGER) AS day
  FROM `reports` WHERE case_id IS NULL),
items AS (SELECT DISTINCT c.id, j.value AS item FROM c, json_each(c.items) AS j),
scopes AS (
  SELECT c.id, c.day, s.value AS scope FROM c,
    json_each(json_array('n:' || c.n || '|c:' || c.ch, 'a:' || c.a || '|n:' || c.n || '|c:' || c.ch)) AS s),
keys AS (
  SELECT c.id, k.value AS k FROM c, json_each(json_array('a:' || c.a, 'n:' || c.n, 'c:' || c.ch)) AS k
  UNION ALL SELECT id, 'i:' || item FROM items)
INSERT INTO `case_counts` (`scope`, `day`, `counts`)
SELECT scope, day, json_group_object(k, cases) FROM (
  SELECT s.scope, s.day, k.k, count(*) AS cases FROM scopes AS s JOIN keys AS k ON k.id = s.id GROUP BY 1, 2, 3)
GROUP BY 1, 2;
