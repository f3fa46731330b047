-- Emergency repairs may be registered after they start (城市道路管理条例 art. 35) and are flagged
-- for a planner's review; joint-works proposals record each organisation's answer.
ALTER TABLE work ADD COLUMN needs_review boolean NOT NULL DEFAULT false;
ALTER TABLE work ADD COLUMN reviewed_by bigint REFERENCES app_user(id);
ALTER TABLE work ADD COLUMN reviewed_at timestamptz;
ALTER TABLE work ADD CONSTRAINT work_review_consistent CHECK (NOT (needs_review AND reviewed_at IS NOT NULL));

ALTER TABLE work_event DROP CONSTRAINT work_event_action_check;
ALTER TABLE work_event ADD CONSTRAINT work_event_action_check
  CHECK (action IN ('created', 'edited', 'status', 'approved', 'rejected', 'cancelled', 'reviewed'));

-- A joint-works proposal is derived from the conflicts; its key is its sorted member work ids, so an
-- answer stays with the group it was given for.
CREATE TABLE joint_proposal_response (
  proposal_key    text NOT NULL CHECK (proposal_key ~ '^[0-9]+(-[0-9]+)+$'),
  organisation_id text NOT NULL REFERENCES organisation(id),
  decision        text NOT NULL CHECK (decision IN ('accepted', 'declined')),
  reason          text CHECK (length(reason) <= 500),
  user_id         bigint REFERENCES app_user(id),
  at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_key, organisation_id)
);
