-- The regional warning level's employers and people (issue 16, db/repo/regional.ts) kept on the open cases
-- (case_id IS NULL AND status != 'closed') by the database itself: whenever an employer's open cases change — one
-- stored, deleted, closed or reopened, joined to or split off a case, its people, time or employer changed — the
-- employer's open cases are ranked again (through reports_employer_open_idx, a handful of rows):
--   level_employer = 1 on the employer's latest open case (by submission time, then id), else 0;
--   level_people   = the case's figure (people involved, never below 0) less the largest figure of the employer's
--                    later open cases, never below 0.
-- Over a window ending after every open case, the employers with an open case in it are the sum of level_employer
-- and their largest figures add up to the sum of level_people (telescoping over the employer's later records).
-- A row leaving the open cases gets 0 in both. Then the backfill of the cases stored before.
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
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE employer_id = OLD.employer_id AND case_id IS NULL AND status != 'closed';
END;
--> statement-breakpoint
CREATE TRIGGER `reports_level_update` AFTER UPDATE OF case_id, status, people_involved, submitted_at, employer_id ON `reports`
  WHEN ((OLD.case_id IS NULL AND OLD.status != 'closed') OR (NEW.case_id IS NULL AND NEW.status != 'closed'))
    AND (OLD.case_id IS NOT NEW.case_id OR (OLD.status = 'closed') != (NEW.status = 'closed')
      OR OLD.people_involved IS NOT NEW.people_involved OR OLD.submitted_at IS NOT NEW.submitted_at
      OR OLD.employer_id IS NOT NEW.employer_id)
BEGIN
  UPDATE `reports` SET `level_employer` = 0, `level_people` = 0
  WHERE id = NEW.id AND NOT (case_id IS NULL AND status != 'closed');
  UPDATE `reports` SET
    `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
    `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
      FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE employer_id = OLD.employer_id AND case_id IS NULL AND status != 'closed';
  UPDATE `reports` SET
    `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
    `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
      FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE NEW.employer_id IS NOT OLD.employer_id AND employer_id = NEW.employer_id AND case_id IS NULL AND status != 'closed';
END;
--> statement-breakpoint
-- Backfill: every open case ranked among its employer's open cases.
UPDATE `reports` SET
    `level_employer` = NOT EXISTS (SELECT 1 FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))),
    `level_people` = max(0, max(coalesce(people_involved, 0), 0) - coalesce((SELECT max(max(coalesce(l.people_involved, 0), 0))
      FROM `reports` AS l
      WHERE l.employer_id = `reports`.employer_id AND l.case_id IS NULL AND l.status != 'closed'
        AND (l.submitted_at > `reports`.submitted_at OR (l.submitted_at = `reports`.submitted_at AND l.id > `reports`.id))), 0))
  WHERE case_id IS NULL AND status != 'closed';
