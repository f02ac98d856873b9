-- One district's level (issue 16, db/repo/regional.ts): the ranks of 0021 kept a second time among the employer's
-- open cases in the case's own district (level_area_employer, level_area_people; the same definitions with the
-- district added), so over a window ending after every open case of a district, its employers are the sum of the
-- first and their largest figures the sum of the second, as the city's are of 0021's. The triggers of 0021 are
-- replaced by the same ones setting all four, the update trigger firing on a move between districts too (both
-- districts' cases of the employer are among its open cases ranked again). Then the backfill.
DROP TRIGGER IF EXISTS `reports_level_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reports_level_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reports_level_update`;
--> statement-breakpoint
CREATE TRIGGER `reports_level_insert` AFTER INSERT ON `reports`
  WHEN NEW.case_id IS NULL AND NEW.status != 'closed'
BEGIN
  UPDATE `reports` SET
      `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0)),
      `level_area_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_area_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE employer_id = NEW.employer_id AND case_id IS NULL AND status != 'closed';
END;
--> statement-breakpoint
CREATE TRIGGER `reports_level_delete` AFTER DELETE ON `reports`
  WHEN OLD.case_id IS NULL AND OLD.status != 'closed'
BEGIN
  UPDATE `reports` SET
      `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0)),
      `level_area_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_area_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE employer_id = OLD.employer_id AND case_id IS NULL AND status != 'closed';
END;
--> statement-breakpoint
CREATE TRIGGER `reports_level_update` AFTER UPDATE OF case_id, status, people_involved, submitted_at, employer_id, jurisdiction_id ON `reports`
  WHEN ((OLD.case_id IS NULL AND OLD.status != 'closed') OR (NEW.case_id IS NULL AND NEW.status != 'closed'))
    AND (OLD.case_id IS NOT NEW.case_id OR (OLD.status = 'closed') != (NEW.status = 'closed')
      OR OLD.people_involved IS NOT NEW.people_involved OR OLD.submitted_at IS NOT NEW.submitted_at
      OR OLD.employer_id IS NOT NEW.employer_id OR OLD.jurisdiction_id IS NOT NEW.jurisdiction_id)
BEGIN
  UPDATE `reports` SET `level_employer` = 0, `level_people` = 0, `level_area_employer` = 0, `level_area_people` = 0
  WHERE id = NEW.id AND NOT (case_id IS NULL AND status != 'closed');
  UPDATE `reports` SET
      `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0)),
      `level_area_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_area_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE employer_id = OLD.employer_id AND case_id IS NULL AND status != 'closed';
  UPDATE `reports` SET
      `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0)),
      `level_area_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
      `level_area_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
        FROM `reports` AS l
        WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
          AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE NEW.employer_id IS NOT OLD.employer_id AND employer_id = NEW.employer_id AND case_id IS NULL AND status != 'closed';
END;
--> statement-breakpoint
-- Backfill: every open case ranked among its employer's open cases, in the city and in its district.
UPDATE `reports` SET
    `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
    `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
      FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0)),
    `level_area_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
    `level_area_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
      FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.jurisdiction_id = `reports`.jurisdiction_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
WHERE case_id IS NULL AND status != 'closed';
