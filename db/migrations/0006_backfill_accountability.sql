-- Cases stored before ruleset 2026.2 carry automatic 迟报 / 漏报 flags (漏报 was ticked by default on
-- officer-entered cases). They become suggestions for an officer to confirm or dismiss, never confirmed.
INSERT OR IGNORE INTO `accountability_entries` (`id`, `case_id`, `employer_id`, `kind`, `status`, `reason`, `created_at`)
SELECT 'ae_late_' || `id`, `id`, `employer_id`, 'late', 'suggested',
  '旧规则自动标记为迟报（事发后 ' || COALESCE(`late_hours`, '?') || ' 小时报告），请核实后确认或排除。',
  `submitted_at`
FROM `reports` WHERE `late` = 1;
--> statement-breakpoint
INSERT OR IGNORE INTO `accountability_entries` (`id`, `case_id`, `employer_id`, `kind`, `status`, `reason`, `created_at`)
SELECT 'ae_unreported_' || `id`, `id`, `employer_id`, 'unreported', 'suggested',
  '旧版录入表单默认勾选了漏报，请核实用人单位是否确未报告后确认或排除。',
  `submitted_at`
FROM `reports` WHERE `unreported` = 1;
