-- Approving a work that still has conflicts is a decision, not a click: the planner confirms it with a
-- reason, and the conflicts as they stood at that moment are kept with the event, since the conflicts
-- themselves are derived and change as other works move.
ALTER TABLE work_event ADD COLUMN conflicts jsonb CHECK (conflicts IS NULL OR jsonb_typeof(conflicts) = 'array');
