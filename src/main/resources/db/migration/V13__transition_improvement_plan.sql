-- The improvement plan a rejected transition started: claimed once, so a repeated rejection event
-- (a job run twice) starts no second plan.
alter table vendor_transition add column improvement_plan_review_id varchar(36);
